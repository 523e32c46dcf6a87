package lockstep.batch;

import lockstep.batch.discover.Found;

/**
 * One submission the batch grades in this run, and why it does.
 *
 * @param contentHash the hash of its files now
 */
record Job(Found found, String contentHash, Resume.Decision decision) {}

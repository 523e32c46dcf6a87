package lockstep.batch.discover;

/**
 * Something in the download that the batch did not grade as anyone's submission, and why: so that
 * an instructor sees every file that was left out instead of wondering where it went.
 *
 * @param path where it is, relative to the submissions folder
 * @param reason why it was left out, in plain words
 */
public record Skipped(String path, String reason) {}

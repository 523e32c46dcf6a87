/**
 * {@code ./grade batch}: grades a whole class's download for an instructor. {@link lockstep.batch.Batch}
 * plans what a run grades ({@link lockstep.batch.Resume}: only what has no result yet, or changed,
 * by {@link lockstep.batch.ContentHash}), grades each submission in a grader process of its own
 * ({@link lockstep.batch.ChildGrader}) several at a time, and shows {@link lockstep.batch.Progress}.
 * Finding the submissions is {@link lockstep.batch.discover}; what the batch writes is
 * {@link lockstep.batch.output}, and its class report {@link lockstep.batch.html}. A batch may
 * grade one {@link lockstep.batch.output.Shard} of the class; {@link lockstep.batch.Merge} joins
 * the shards' folders into the whole class's.
 */
package lockstep.batch;

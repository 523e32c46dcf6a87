/**
 * Everything {@code ./grade batch} writes, in one place, each file atomically: per student
 * {@code results.json}, {@code feedback.txt} and the resume record {@code batch.json}
 * ({@link lockstep.batch.output.StudentFiles}), and over the class {@code summary.json}
 * ({@link lockstep.batch.output.Summaries}, which also merges shards' summaries) and
 * {@code gradebook.csv} ({@link lockstep.batch.output.Gradebook}); {@code report.html} is
 * {@link lockstep.batch.html}. {@link lockstep.batch.output.Shard} says which share of the class a
 * batch graded.
 */
package lockstep.batch.output;

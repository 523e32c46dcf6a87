/**
 * Everything {@code ./grade batch} writes, in one place, each file atomically: per student
 * {@code results.json}, {@code feedback.txt} and the resume record {@code batch.json}
 * ({@link lockstep.batch.output.StudentFiles}), and over the class {@code summary.json}
 * ({@link lockstep.batch.output.Summaries}) and {@code gradebook.csv}
 * ({@link lockstep.batch.output.Gradebook}).
 */
package lockstep.batch.output;

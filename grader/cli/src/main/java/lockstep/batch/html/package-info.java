/**
 * {@code report.html}, the class report of a batch or a merge
 * ({@link lockstep.batch.html.ClassReport}): built from the same summary as {@code summary.json}
 * and the students' native results, self-contained, and with every learner text escaped.
 */
package lockstep.batch.html;

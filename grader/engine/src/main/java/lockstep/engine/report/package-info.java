/**
 * The report formats, in one place: {@code results.json} (Jackson, checked against
 * {@code results.schema.json}) and the readable text report a learner sees on the terminal.
 */
package lockstep.engine.report;

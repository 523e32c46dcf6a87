/**
 * The report formats, in one place, each derived from the native
 * {@link lockstep.engine.result.GradeReport} alone: {@code results.json} (Jackson, checked against
 * {@code results.schema.json}), the readable text report a learner sees on the terminal, and the
 * results files of course platforms and CI servers (Gradescope, PrairieLearn, GitHub Classroom,
 * Moodle VPL, JUnit XML), found by name through {@link lockstep.engine.report.ReportFormats}.
 * Every format a learner reads shows hidden tests through {@link lockstep.engine.report.HiddenTests}
 * alone; Gradescope's is told each test's visibility, and the native results keep everything.
 */
package lockstep.engine.report;

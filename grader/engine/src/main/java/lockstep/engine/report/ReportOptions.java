package lockstep.engine.report;

/**
 * What the platform formats may show beyond the verdicts.
 *
 * @param learnerOutput whether what the learner's code printed during a test goes into the reports a
 *     learner reads on a course platform (Gradescope, PrairieLearn, GitHub Classroom, VPL) and into
 *     JUnit XML's {@code system-out}. Off by default: what the code printed can show a test's inputs
 *     (a hidden test's too) and anything the learner chose to print; the native {@code results.json}
 *     and the text report always keep it, for the instructor and for {@code ./grade}.
 * @since 0.1
 */
public record ReportOptions(boolean learnerOutput) {
    /** The conservative default: no learner output on the platforms. */
    public static final ReportOptions DEFAULT = new ReportOptions(false);
}

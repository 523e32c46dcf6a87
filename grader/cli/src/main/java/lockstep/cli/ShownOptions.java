package lockstep.cli;

import lockstep.engine.report.ReportOptions;
import picocli.CommandLine.Option;

/**
 * What the reports show beyond what a learner may always see: the options {@code ./grade} and
 * {@code ./grade batch} share, declared once and mixed into both.
 */
final class ShownOptions {
    @Option(names = "--learner-output", description = "Put what the learner's code printed into the gradescope, prairielearn, "
            + "classroom, vpl and junit reports (off by default: it can show a test's inputs).")
    private boolean learnerOutput;

    @Option(names = "--show-hidden", description = "For an instructor: show the tests a suite declared hidden in full, in the "
            + "printed feedback and in every report (by default a learner sees only that a hidden test passed or failed, and its points).")
    private boolean showHidden;

    /** Whether hidden tests are shown in full. */
    boolean showHidden() {
        return showHidden;
    }

    /** The options as the report formats take them. */
    ReportOptions reportOptions() {
        return new ReportOptions(learnerOutput, showHidden);
    }
}

package lockstep.cli;

import picocli.CommandLine.Option;

/**
 * {@code --show-hidden}: whether the tests a suite declared hidden are shown in full, for an
 * instructor; declared once and mixed into every command that prints or writes feedback.
 */
final class HiddenTestsOption {
    @Option(names = "--show-hidden", description = "For an instructor: show the tests a suite declared hidden in full, in the "
            + "printed feedback and in every report (by default a learner sees only that a hidden test passed or failed, and its points).")
    private boolean showHidden;

    /** Whether hidden tests are shown in full. */
    boolean showHidden() {
        return showHidden;
    }
}

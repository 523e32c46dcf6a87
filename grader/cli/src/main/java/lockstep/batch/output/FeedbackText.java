package lockstep.batch.output;

import lockstep.engine.report.TextReport;
import lockstep.engine.result.GradeReport;

/**
 * A student's {@code feedback.txt}: the very text {@code ./grade} prints for their submission
 * (each exercise, the total, the containment line), without colours, so an instructor can hand it
 * back as it is.
 */
public final class FeedbackText {
    private FeedbackText() {}

    /** A learner's feedback: hidden tests shown only as hidden tests that passed or failed. */
    public static String of(GradeReport report) {
        return of(report, false);
    }

    /** The feedback, with hidden tests in full when {@code showHidden} (for an instructor's eyes). */
    public static String of(GradeReport report, boolean showHidden) {
        return TextReport.plain(report, showHidden);
    }

    /** The feedback of a student who was not graded, and why. */
    public static String notGraded(Verdict verdict, String reason) {
        return switch (verdict) {
            case UNREADABLE -> "Your submission could not be read, so it was graded as nothing (0 points):\n    " + reason + "\n";
            case FAILED -> "The grader failed on your submission; it has not been graded yet:\n    " + reason + "\n";
            case NO_SUBMISSION -> "No submission was found.\n";
            case GRADED -> throw new IllegalArgumentException("a graded student's feedback is their report");
        };
    }
}

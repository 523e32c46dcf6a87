package lockstep.batch;

import java.util.Objects;
import lockstep.batch.output.Verdict;
import lockstep.engine.result.GradeReport;

/**
 * How grading one submission ended.
 *
 * @param report the native results when graded; else null
 * @param reason why it was not graded; null when graded
 */
public record Outcome(Verdict verdict, GradeReport report, String reason, long durationMs) {
    public Outcome {
        Objects.requireNonNull(verdict, "verdict must not be null");
        if ((verdict == Verdict.GRADED) != (report != null)) {
            throw new IllegalArgumentException("a graded outcome, and only one, has a report");
        }
    }

    public static Outcome graded(GradeReport report, long durationMs) {
        return new Outcome(Verdict.GRADED, report, null, durationMs);
    }

    public static Outcome unreadable(String reason, long durationMs) {
        return new Outcome(Verdict.UNREADABLE, null, reason, durationMs);
    }

    public static Outcome failed(String reason, long durationMs) {
        return new Outcome(Verdict.FAILED, null, reason, durationMs);
    }
}

package lockstep.progress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.watch.WatchLoop;

/**
 * What is kept of an exercise's last grading: its score and whether that was full marks or not
 * begun at all; the tests themselves stay in {@code results.json}.
 *
 * @param full graded and at full marks ({@link WatchLoop#isFull(ExerciseResult)})
 * @param notStarted every TODO method still as the template has it ({@link ExerciseResult#notStarted()})
 * @param gradedAt when the grading started; null when not known
 */
public record LastGrading(double score, double maxScore, boolean full, boolean notStarted, Instant gradedAt) {
    /** What is kept of {@code result}, graded at {@code gradedAt}. */
    public static LastGrading of(ExerciseResult result, Instant gradedAt) {
        return new LastGrading(result.score(), result.maxScore(), WatchLoop.isFull(result), result.notStarted(), gradedAt);
    }

    /** What is kept of each exercise of {@code report}, by id, in the report's order. */
    public static Map<String, LastGrading> of(GradeReport report) {
        Map<String, LastGrading> last = new LinkedHashMap<>();
        for (ExerciseResult result : report.exercises()) {
            last.put(result.id(), of(result, report.startedAt()));
        }
        return last;
    }

    public ExerciseState state() {
        return ExerciseState.of(this);
    }
}

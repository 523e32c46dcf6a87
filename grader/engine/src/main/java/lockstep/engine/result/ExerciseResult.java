package lockstep.engine.result;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one exercise: its status, score and every planned test.
 *
 * @param message what happened to the exercise as a whole (compiler errors, why it was rejected,
 *     notes on ignored files); null when there is nothing to say
 */
public record ExerciseResult(
        String id,
        String title,
        ExerciseStatus status,
        double score,
        double maxScore,
        String message,
        List<TestResult> tests,
        Timing timing) {

    public ExerciseResult {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(status, "status must not be null");
        tests = List.copyOf(tests);
        Objects.requireNonNull(timing, "timing must not be null");
    }
}

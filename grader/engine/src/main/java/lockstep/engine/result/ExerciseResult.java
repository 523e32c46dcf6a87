package lockstep.engine.result;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one exercise: its status, score and every planned test.
 *
 * @param message what happened to the exercise as a whole (compiler errors, why it was rejected,
 *     notes on ignored files); null when there is nothing to say
 * @param notImplemented the template's TODO methods the submission still leaves as the template has
 *     them (e.g. {@code Workers.spawn}), in the course's order; known only for code that compiled
 *     (since schema 1.4; empty when absent)
 * @param notStarted whether every TODO method of the template is still as the template has it: the
 *     learner has not begun the exercise (since schema 1.4; false when absent)
 * @param contractMismatches how the submission's compiled classes differ from the exercise's public
 *     API, each in the learner's words (e.g. {@code Counter.countConcurrently(int, int) must return
 *     long; yours returns int}), as the message also says them; known only for code that compiled
 *     (since schema 1.5; empty when absent)
 */
public record ExerciseResult(
        String id,
        String title,
        ExerciseStatus status,
        double score,
        double maxScore,
        String message,
        List<TestResult> tests,
        Timing timing,
        List<String> notImplemented,
        boolean notStarted,
        List<String> contractMismatches) {

    public ExerciseResult {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(status, "status must not be null");
        tests = List.copyOf(tests);
        Objects.requireNonNull(timing, "timing must not be null");
        notImplemented = notImplemented == null ? List.of() : List.copyOf(notImplemented);
        contractMismatches = contractMismatches == null ? List.of() : List.copyOf(contractMismatches);
        if (notStarted && notImplemented.isEmpty()) {
            throw new IllegalArgumentException("an exercise not started has its TODO methods left: " + id);
        }
    }

    /** The verdict on an exercise whose classes are not known to differ from the contract. */
    public ExerciseResult(String id, String title, ExerciseStatus status, double score, double maxScore, String message,
            List<TestResult> tests, Timing timing, List<String> notImplemented, boolean notStarted) {
        this(id, title, status, score, maxScore, message, tests, timing, notImplemented, notStarted, List.of());
    }

    /** The verdict on an exercise of which nothing is known to be left as the template has it. */
    public ExerciseResult(String id, String title, ExerciseStatus status, double score, double maxScore, String message,
            List<TestResult> tests, Timing timing) {
        this(id, title, status, score, maxScore, message, tests, timing, List.of(), false);
    }
}

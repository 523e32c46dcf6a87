package lockstep.engine.run;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running one exercise's suite: one {@link TestRun} per planned test, in plan
 * order, and what happened to the run as a whole.
 *
 * @param problem for anything but {@link Completion#COMPLETED}: what the grader saw, in plain words
 * @param jvmStartMs from starting each JVM to its first event, summed
 */
public record RunResult(List<TestRun> tests, Completion completion, String problem, long jvmStartMs, int jvmStarts) {
    public RunResult {
        tests = List.copyOf(tests);
        Objects.requireNonNull(completion, "completion must not be null");
        Objects.requireNonNull(problem, "problem must not be null");
    }

    /** How the run as a whole ended. */
    public enum Completion {
        /** Every test reported, possibly after restarts for tests that overran. */
        COMPLETED,
        /** A JVM died in a way no single test's limit explains. */
        CRASHED,
        /** The exercise's overall limit ran out. */
        TIMED_OUT
    }
}

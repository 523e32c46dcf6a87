package lockstep.engine.run;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running one exercise's suite: one {@link TestRun} per planned test, in plan
 * order, and what happened to the run as a whole.
 *
 * @param problem for anything but {@link Completion#COMPLETED}: what the grader saw, in plain words
 * @param jvmStartMs from starting each JVM to its first event, summed
 * @param heapLimitMb the heap each test JVM had at most, for telling a learner whose code ran out of it
 */
public record RunResult(List<TestRun> tests, Completion completion, String problem, long jvmStartMs, int jvmStarts,
        int heapLimitMb) {
    public RunResult {
        tests = List.copyOf(tests);
        Objects.requireNonNull(completion, "completion must not be null");
        Objects.requireNonNull(problem, "problem must not be null");
    }

    /** How the run as a whole ended. */
    public enum Completion {
        /** Every test reported, possibly after restarts for tests that overran or whose JVM died. */
        COMPLETED,
        /**
         * A JVM died in a way no single test explains (between tests, or its event stream could not be
         * trusted), or tests kept killing it past the bound on fresh starts.
         */
        CRASHED,
        /** The exercise's overall limit ran out. */
        TIMED_OUT
    }
}

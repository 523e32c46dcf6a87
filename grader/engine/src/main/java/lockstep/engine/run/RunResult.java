package lockstep.engine.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of running one exercise's suite: one {@link TestRun} per planned test, in plan
 * order, and what happened to the run as a whole.
 *
 * @param stop for anything but {@link Completion#COMPLETED}, what ended the run; empty for a completed run
 * @param jvmStartMs from starting each JVM to its first event, summed
 */
public record RunResult(List<TestRun> tests, Completion completion, Optional<Stop> stop, long jvmStartMs, int jvmStarts) {
    public RunResult {
        tests = List.copyOf(tests);
        Objects.requireNonNull(completion, "completion must not be null");
        Objects.requireNonNull(stop, "stop must not be null");
        if (stop.isPresent() == (completion == Completion.COMPLETED)) {
            throw new IllegalArgumentException("a run that ended " + completion + " cannot have been stopped by " + stop);
        }
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

package lockstep.engine.run;

import java.util.Objects;
import java.util.Optional;
import lockstep.runner.protocol.Event;

/**
 * What happened to one planned test in the child JVM, before any scoring.
 *
 * @param threadDump for {@link Ending#TIMED_OUT}: where its threads were stuck; else empty
 * @param stop for endings the runner could not report itself, what the grader saw: why the grader
 *     ended a {@link Ending#TIMED_OUT} test (empty when the runner's watchdog did), how the JVM ended
 *     for {@link Ending#JVM_DIED} and {@link Ending#OUT_OF_MEMORY}, and why a test was
 *     {@link Ending#NOT_RUN}; empty for what the runner reported
 */
public record TestRun(
        String uniqueId,
        Ending ending,
        Optional<Event.Failure> failure,
        String threadDump,
        Optional<Stop> stop,
        Event.Output output,
        long durationMs,
        long limitMillis) {

    public TestRun {
        Objects.requireNonNull(uniqueId, "uniqueId must not be null");
        Objects.requireNonNull(ending, "ending must not be null");
        Objects.requireNonNull(failure, "failure must not be null");
        Objects.requireNonNull(threadDump, "threadDump must not be null");
        Objects.requireNonNull(stop, "stop must not be null");
        Objects.requireNonNull(output, "output must not be null");
        boolean fits = switch (ending) {
            case SUCCESSFUL, FAILED, ABORTED, SKIPPED -> stop.isEmpty();
            case TIMED_OUT -> stop.isEmpty() || stop.get() instanceof Stop.Unanswered || stop.get() instanceof Stop.ExerciseLimit;
            case JVM_DIED -> stop.isPresent() && (stop.get() instanceof Stop.Exited || stop.get() instanceof Stop.BrokenChannel);
            case OUT_OF_MEMORY -> stop.isPresent() && stop.get() instanceof Stop.OutOfMemory;
            case NOT_RUN -> stop.isPresent();
        };
        if (!fits) {
            throw new IllegalArgumentException("a test that ended " + ending + " cannot have been stopped by " + stop);
        }
    }

    /** A test the runner could not report: it ended {@code ending} because of {@code stop}, with nothing else to show. */
    static TestRun stopped(String uniqueId, Ending ending, Stop stop, long limitMillis) {
        return new TestRun(uniqueId, ending, Optional.empty(), "", Optional.of(stop), Event.Output.NONE, 0, limitMillis);
    }

    /** How a test's run ended, as the grader saw it. */
    public enum Ending {
        /** JUnit reported success. */
        SUCCESSFUL,
        /** JUnit reported a failure; see the failure. */
        FAILED,
        /** JUnit reported it aborted (an assumption failed). */
        ABORTED,
        /** JUnit skipped it. */
        SKIPPED,
        /** It overran its limit; see the thread dump, if the runner could take one. */
        TIMED_OUT,
        /** The JVM died while it ran. */
        JVM_DIED,
        /** The JVM ran out of memory while it ran, and stopped itself. */
        OUT_OF_MEMORY,
        /** It never ran: an earlier failure, or the exercise's limit, came first. */
        NOT_RUN
    }
}

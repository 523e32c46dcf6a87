package lockstep.engine.run;

import java.util.Objects;
import java.util.Optional;
import lockstep.runner.protocol.Event;

/**
 * What happened to one planned test in the child JVM, before any scoring.
 *
 * @param threadDump for {@link Ending#TIMED_OUT}: where its threads were stuck; else empty
 * @param detail for endings the runner could not report itself: what the grader saw; for
 *     {@link Ending#OUT_OF_MEMORY}, the JVM's reason alone (e.g. {@code Java heap space})
 */
public record TestRun(
        String uniqueId,
        Ending ending,
        Optional<Event.Failure> failure,
        String threadDump,
        String detail,
        Event.Output output,
        long durationMs,
        long limitMillis) {

    public TestRun {
        Objects.requireNonNull(uniqueId, "uniqueId must not be null");
        Objects.requireNonNull(ending, "ending must not be null");
        Objects.requireNonNull(failure, "failure must not be null");
        Objects.requireNonNull(threadDump, "threadDump must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
        Objects.requireNonNull(output, "output must not be null");
    }

    static TestRun without(String uniqueId, Ending ending, String detail, long limitMillis) {
        return new TestRun(uniqueId, ending, Optional.empty(), "", detail, Event.Output.NONE, 0, limitMillis);
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

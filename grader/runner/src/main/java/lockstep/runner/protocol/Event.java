package lockstep.runner.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner in the child JVM tells the grader about one test run.
 *
 * <p>A run is a {@link Ready} once the tests are found, then a sequence of {@link Started} and {@link Finished} events (tests and containers
 * alike), possibly one {@link TimedOut}, and a closing {@link End}. A run without an {@code End}
 * ended early: the grader, not the child, decides what that means.
 */
public sealed interface Event permits Event.Ready, Event.Started, Event.Finished, Event.TimedOut, Event.End {

    /** The requested tests were found; the runner waits for the go. */
    record Ready() implements Event {}

    /** A test or container began. */
    record Started(String uniqueId) implements Event {
        public Started {
            Objects.requireNonNull(uniqueId, "uniqueId must not be null");
        }
    }

    /** A test or container ended on its own. */
    record Finished(String uniqueId, Outcome outcome, Optional<Failure> failure, Output output, long durationMs)
            implements Event {
        public Finished {
            Objects.requireNonNull(uniqueId, "uniqueId must not be null");
            Objects.requireNonNull(outcome, "outcome must not be null");
            Objects.requireNonNull(failure, "failure must not be null");
            Objects.requireNonNull(output, "output must not be null");
        }
    }

    /**
     * A test overran its limit: the runner stops the JVM right after sending this.
     *
     * @param threadDump where the test's own threads were stuck, with deadlocks named
     */
    record TimedOut(String uniqueId, long limitMillis, String threadDump, Output output) implements Event {
        public TimedOut {
            Objects.requireNonNull(uniqueId, "uniqueId must not be null");
            Objects.requireNonNull(threadDump, "threadDump must not be null");
            Objects.requireNonNull(output, "output must not be null");
        }
    }

    /** Every requested test was run and reported. */
    record End() implements Event {}

    /** How a test or container ended, as JUnit saw it. */
    enum Outcome { SUCCESSFUL, FAILED, ABORTED, SKIPPED }

    /** A throwable and its causes, outermost first, as plain data. */
    record Failure(List<Thrown> chain) {
        public Failure {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("chain must not be empty");
            }
        }

        /** The outermost throwable. */
        public Thrown top() {
            return chain.get(0);
        }
    }

    /**
     * One throwable of a chain.
     *
     * @param type its class name
     * @param message its message, or empty when it had none
     * @param frames its stack frames as {@code StackTraceElement.toString()} gives them, capped
     */
    record Thrown(String type, String message, List<String> frames) {
        public Thrown {
            Objects.requireNonNull(type, "type must not be null");
            Objects.requireNonNull(message, "message must not be null");
            frames = List.copyOf(frames);
        }
    }

    /**
     * What the code printed while a test ran, capped.
     *
     * @param droppedBytes how many bytes were printed before the kept ones (beyond the cap) and not kept
     */
    record Output(String text, long droppedBytes) {
        public static final Output NONE = new Output("", 0);

        public Output {
            Objects.requireNonNull(text, "text must not be null");
        }
    }
}

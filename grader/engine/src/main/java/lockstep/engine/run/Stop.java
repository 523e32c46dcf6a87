package lockstep.engine.run;

import java.time.Duration;
import java.util.Objects;

/**
 * What ended a test, or a whole run, other than the runner's own report: a value with the data it
 * needs (limits, exit code, heap size, counts), which {@code lockstep.engine.score} puts into the
 * learner's words. The run stage decides what happened; the score stage alone decides how it is said.
 */
public sealed interface Stop {
    /** The grading thread was interrupted: grading is stopping. */
    record Interrupted() implements Stop {}

    /**
     * No test JVM could be started.
     *
     * @param error what the operating system said, e.g. the {@code IOException}'s message
     */
    record NotStarted(String error) implements Stop {
        public NotStarted {
            Objects.requireNonNull(error, "error must not be null");
        }
    }

    /** The exercise's overall time limit, {@code limit} (scaled by the slack), ran out. */
    record ExerciseLimit(Duration limit) implements Stop {
        public ExerciseLimit {
            Objects.requireNonNull(limit, "limit must not be null");
        }
    }

    /** The test overran its limit and the runner's watchdog did not answer, so the grader killed the JVM. */
    record Unanswered() implements Stop {}

    /**
     * The JVM's event stream could not be trusted or read, so nothing after that point counts.
     *
     * @param stderr what the JVM printed on standard error, capped; possibly empty
     */
    record BrokenChannel(ChannelError error, String stderr) implements Stop {
        public BrokenChannel {
            Objects.requireNonNull(error, "error must not be null");
            Objects.requireNonNull(stderr, "stderr must not be null");
        }
    }

    /** The JVM ended on its own: it ran out of memory, or it exited otherwise. */
    sealed interface Ended extends Stop {}

    /**
     * The JVM ended on its own (it exited, halted or was killed) without running out of memory.
     *
     * @param exitCode its exit status, or {@link #STILL_RUNNING} when it had not exited when the grader looked
     * @param stderr what it printed on standard error, capped; possibly empty
     */
    record Exited(int exitCode, String stderr) implements Ended {
        /** The exit code of a JVM that had not exited yet. */
        public static final int STILL_RUNNING = -1;

        public Exited {
            Objects.requireNonNull(stderr, "stderr must not be null");
        }
    }

    /**
     * The JVM ran out of memory and stopped itself (see {@link JvmExit}).
     *
     * @param reason the JVM's reason, e.g. {@code Java heap space}
     * @param heapLimitMb the heap the JVM had at most
     */
    record OutOfMemory(String reason, int heapLimitMb) implements Ended {
        public OutOfMemory {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    /**
     * Tests kept killing the JVM past the bound on fresh starts.
     *
     * @param deaths how many tests the JVM died during
     * @param maxRestarts how many fresh JVMs one exercise may start after deaths
     * @param notRun how many tests had not run
     */
    record TooManyDeaths(int deaths, int maxRestarts, int notRun) implements Stop {}

    /** The run ended cleanly, yet the runner reported nothing of this test. */
    record Unreported() implements Stop {}
}

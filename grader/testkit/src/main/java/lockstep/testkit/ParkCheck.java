package lockstep.testkit;

import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks that a waiting thread is parked (blocked by the JVM, using no CPU), not spinning in a
 * loop: its state is sampled over a window and its CPU time measured.
 *
 * <p>The thread first gets {@code settle} to reach a waiting state. Then, over {@code window}, at
 * least {@code minWaitingShare} of the state samples must be WAITING, TIMED_WAITING or BLOCKED,
 * and its CPU time ({@code ThreadMXBean.getThreadCpuTime}) must grow by at most
 * {@code maxCpuShare} of the window. A busy-wait loop is RUNNABLE all along, also with
 * {@code Thread.onSpinWait()} or {@code Thread.yield()}, however busy the machine. Immutable:
 * derive variants with the {@code with...} methods. Both durations are stretched by the slack
 * factor.
 *
 * @param settle how long the thread may take to start waiting
 * @param window how long it is watched once it waits
 * @param minWaitingShare the least share of samples in a waiting state, 0 to 1
 * @param maxCpuShare the most CPU time as a share of the window, 0 to 1
 * @since 0.1
 */
public record ParkCheck(Duration settle, Duration window, double minWaitingShare, double maxCpuShare) {

    /** Settle 1 s, watch 300 ms, at least 90 % of samples waiting, at most 10 % CPU. */
    public static final ParkCheck DEFAULT = new ParkCheck(Duration.ofSeconds(1), Duration.ofMillis(300), 0.9, 0.1);

    private static final Duration SAMPLE_EVERY = Duration.ofMillis(3);

    /** Checks the settings. */
    public ParkCheck {
        Objects.requireNonNull(settle, "settle must not be null");
        Objects.requireNonNull(window, "window must not be null");
        if (window.isZero() || window.isNegative() || settle.isNegative()) {
            throw new IllegalArgumentException("window must be positive and settle not negative");
        }
        if (!(minWaitingShare >= 0 && minWaitingShare <= 1 && maxCpuShare >= 0 && maxCpuShare <= 1)) {
            throw new IllegalArgumentException("shares must be between 0 and 1");
        }
    }

    /** This check with another watch window. */
    public ParkCheck withWindow(Duration newWindow) {
        return new ParkCheck(settle, newWindow, minWaitingShare, maxCpuShare);
    }

    /** This check with another settle time. */
    public ParkCheck withSettle(Duration newSettle) {
        return new ParkCheck(newSettle, window, minWaitingShare, maxCpuShare);
    }

    /**
     * Fails unless {@code thread} waits parked.
     *
     * @param thread a platform thread that should be waiting now or very soon
     * @param who what the thread is doing, in the learner's terms, e.g. {@code "a thread calling
     *     lock() while another thread holds the lock"}
     * @throws AssertionError saying whether it never waited, stopped waiting, or spun, with its stack
     */
    public void assertParked(Thread thread, String who) {
        Objects.requireNonNull(thread, "thread must not be null");
        Duration settleScaled = Lockstep.scaled(settle);
        Duration windowScaled = Lockstep.scaled(window);
        ThreadMXBean mx = ThreadDump.mx();
        boolean cpuKnown = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long cpuAtStart = cpuKnown ? mx.getThreadCpuTime(thread.threadId()) : -1;
        long settleStart = System.nanoTime();
        boolean waiting = States.waitUntil(thread, Lockstep.await("until " + who + " waits", settle));
        if (!thread.isAlive()) {
            throw new AssertionError("expected " + who + " to wait, but it did not wait at all: its thread"
                    + " finished. Look at why the call returned (or threw) instead of waiting.");
        }
        if (!waiting) {
            long cpu = cpuKnown ? mx.getThreadCpuTime(thread.threadId()) - cpuAtStart : -1;
            long wall = System.nanoTime() - settleStart;
            throw new AssertionError("expected " + who + " to wait parked, using no CPU, but during "
                    + ThreadDump.format(settleScaled) + " it never stopped running (" + thread.getState()
                    + cpuText(cpu, wall) + "): it is spinning in a busy-wait loop. It is here now:\n"
                    + ThreadDump.where(thread)
                    + "Wait with something that parks the thread until it is woken (a Lock, a Condition,"
                    + " wait/notify, a Semaphore), not with a loop that keeps checking.");
        }
        long cpuBefore = cpuKnown ? mx.getThreadCpuTime(thread.threadId()) : -1;
        long start = System.nanoTime();
        long end = start + windowScaled.toNanos();
        int samples = 0;
        int waitingSamples = 0;
        while (System.nanoTime() < end) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED) {
                throw new AssertionError("expected " + who + " to go on waiting, but its thread finished after"
                        + " waiting only briefly. Look at why the call returned (or threw) while it should"
                        + " still wait.");
            }
            samples++;
            if (States.isWaiting(state)) {
                waitingSamples++;
            }
            sleep(SAMPLE_EVERY);
        }
        long wall = System.nanoTime() - start;
        long cpu = cpuKnown ? Math.max(0, mx.getThreadCpuTime(thread.threadId()) - cpuBefore) : -1;
        double waitingShare = samples == 0 ? 1.0 : waitingSamples / (double) samples;
        boolean cpuOk = cpu < 0 || cpu <= maxCpuShare * wall;
        if (waitingShare >= minWaitingShare && cpuOk) {
            return;
        }
        throw new AssertionError("expected " + who + " to wait parked, using no CPU, but over "
                + ThreadDump.format(Duration.ofNanos(wall)) + " it was running in "
                + Math.round(100 * (1 - waitingShare)) + " % of the samples" + cpuText(cpu, wall)
                + ": it is busy-waiting. It is here now:\n" + ThreadDump.where(thread)
                + "Wait with something that parks the thread until it is woken (a Lock, a Condition,"
                + " wait/notify, a Semaphore), not with a loop that keeps checking.");
    }

    private static String cpuText(long cpuNanos, long wallNanos) {
        if (cpuNanos < 0) {
            return "";
        }
        return ", using " + (cpuNanos / 1_000_000) + " ms of CPU in " + (wallNanos / 1_000_000) + " ms";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the test was interrupted while watching a thread", e);
        }
    }
}

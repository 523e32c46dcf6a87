package lockstep.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks that must never run, for proving that a call checks its arguments before it starts a
 * thread: each one that runs counts itself and then waits (its thread stays alive) until the test
 * closes them.
 *
 * <p>Waiting a little and then counting which tasks ran leaves the verdict to chance: a thread
 * started before the check may not have run its task yet when the test looks. Here a platform
 * thread started by the call cannot have ended before {@link #assertNoneRan(String, String)}
 * looks (its task would hold it), so either it counted itself or it is still alive and found
 * among the threads started since these tasks were made. Virtual threads are not listed by the
 * JVM, so for them the check also waits 300 ms (scaled) for a late count.
 *
 * <pre>{@code
 * try (TripwireTasks wire = tripwireTasks()) {
 *     assertThatThrownBy(() -> Workers.runAll(Arrays.asList(wire.task(), null))).isInstanceOf(NullPointerException.class);
 *     wire.assertNoneRan("Workers.runAll([task, null])", "check every task before you start the first thread");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class TripwireTasks implements AutoCloseable {

    /** How long a task that ran holds its thread at most, before the slack factor. */
    private static final Duration HOLD = Duration.ofSeconds(6);

    /** How long a virtual thread may take to run its task, before the slack factor. */
    private static final Duration LATE = Duration.ofMillis(300);

    private final ThreadSnapshot before;
    private final AtomicInteger ran = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    TripwireTasks() {
        this.before = ThreadSnapshot.take().ignoring(t -> t.getName().startsWith("lockstep-"));
    }

    /** A task that counts itself and waits until these tasks are closed; returns 0. */
    public Callable<Integer> task() {
        return () -> {
            ran.incrementAndGet();
            release.await(Lockstep.scaled(HOLD).toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        };
    }

    /** How many of the tasks ran so far. */
    public int ran() {
        return ran.get();
    }

    /**
     * Fails when a task ran or a thread was started since these tasks were made.
     *
     * @param call the call that was refused, in the learner's words, e.g. {@code "runAll([task, null, task])"}
     * @param advice what to do about it, in the exercise's own terms
     */
    public void assertNoneRan(String call, String advice) throws InterruptedException {
        List<Thread> started = before.ignoring(t -> t == Thread.currentThread()).newThreadsAlive();
        if (ran.get() == 0 && started.isEmpty()) {
            long deadline = System.nanoTime() + Lockstep.scaled(LATE).toNanos();
            while (ran.get() == 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(2);
            }
        }
        if (ran.get() > 0) {
            throw new AssertionError("[how many tasks ran although " + call + " threw] expected none, but "
                    + ThreadDump.count(ran.get(), "task", "tasks") + " ran: " + advice);
        }
        if (!started.isEmpty()) {
            StringBuilder text = new StringBuilder("expected ").append(call).append(" to start no thread, but ")
                    .append(ThreadDump.count(started.size(), "thread it started is", "threads it started are"))
                    .append(" still alive (about to run a task):\n");
            for (Thread thread : started) {
                text.append(ThreadDump.where(thread));
            }
            throw new AssertionError(text.append(advice).toString());
        }
    }

    /** Lets every task that ran end. */
    @Override
    public void close() {
        release.countDown();
    }
}

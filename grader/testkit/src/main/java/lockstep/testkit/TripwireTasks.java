package lockstep.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks that must never run, for proving that a call checks its arguments before it starts a
 * thread: each one that runs counts itself.
 *
 * <p>Waiting a little and then counting which tasks ran leaves the verdict to chance: a thread
 * started before the check may not have run its task yet when the test looks. Here a platform
 * thread started by the call either has run its task (it is counted) or is still alive, and then it
 * is found among the threads started since these tasks were made: the threads are listed first,
 * the count read after. Virtual threads are not listed by the JVM, so for them the check also waits
 * 300 ms (scaled) for a late count.
 *
 * <pre>{@code
 * TripwireTasks wire = tripwireTasks();
 * assertThatThrownBy(() -> Workers.runAll(Arrays.asList(wire.task(), null))).isInstanceOf(NullPointerException.class);
 * wire.assertNoneRan("Workers.runAll([task, null])", "Check every task before you start the first thread.");
 * }</pre>
 *
 * @since 0.1
 */
public final class TripwireTasks {

    /** How long a virtual thread may take to run its task, before the slack factor. */
    private static final Duration LATE = Duration.ofMillis(300);

    private final ThreadSnapshot before;
    private final AtomicInteger ran = new AtomicInteger();

    TripwireTasks() {
        this.before = ThreadSnapshot.take().ignoring(t -> t.getName().startsWith("lockstep-"));
    }

    /** A task that counts itself and returns 0. */
    public Callable<Integer> task() {
        return ran::incrementAndGet;
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
                    .append(" still alive (about to run its task):\n");
            for (Thread thread : started) {
                text.append(ThreadDump.where(thread));
            }
            throw new AssertionError(text.append(advice).toString());
        }
    }
}

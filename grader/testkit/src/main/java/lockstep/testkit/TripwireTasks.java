package lockstep.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks that must never run, for proving that a call checks its arguments before it starts a
 * thread: each one that runs counts itself.
 *
 * <p>Waiting a little and then counting which tasks ran leaves the verdict to chance: a thread
 * started before the check may not have run its task yet when the test looks. Here every platform
 * thread started since these tasks were made and still alive when the call has thrown is given the
 * time to run (it is joined, up to 1 s scaled in all), so a thread the call started before its check
 * has surely run its task, and been counted, by the time the count is read. Threads that other
 * code started and that never end cost that second, not the verdict. Virtual threads are not listed
 * by the JVM, so for them the check also waits 300 ms (scaled) for a late count.
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

    /** How long the platform threads started meanwhile get, in all, to run their task and end, before the slack factor. */
    private static final Duration RUN = Duration.ofSeconds(1);

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
     * Fails when a task ran, once every thread started since these tasks were made had the time to run one.
     *
     * @param call the call that was refused, in the learner's words, e.g. {@code "runAll([task, null, task])"}
     * @param advice what to do about it, in the exercise's own terms
     */
    public void assertNoneRan(String call, String advice) throws InterruptedException {
        before.joinNewThreads(RUN);
        long late = System.nanoTime() + Lockstep.scaled(LATE).toNanos();
        while (ran.get() == 0 && System.nanoTime() - late < 0) {
            Thread.sleep(2);
        }
        if (ran.get() > 0) {
            throw new AssertionError("[how many tasks ran although " + call + " threw] expected none, but "
                    + ThreadDump.count(ran.get(), "task", "tasks") + " ran: " + advice);
        }
    }
}

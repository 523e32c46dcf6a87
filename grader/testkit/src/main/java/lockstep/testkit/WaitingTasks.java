package lockstep.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks that each wait until the test releases them, counting how many started and how many were
 * interrupted: the proof that a call running them all (spawn-join's {@code runAll}, join-all's
 * {@code joinAll}), when its caller is interrupted while it waits, interrupts its tasks, waits for
 * them to end and throws {@link InterruptedException} on. Closing releases every task.
 *
 * <p>No verdict depends on how fast threads happen to end: a task that was interrupted ends only
 * once the thread that made the call is blocked (waiting for it) or has ended. A call that throws
 * without waiting for its tasks has therefore surely ended before they did, which the tasks record.
 */
public final class WaitingTasks implements AutoCloseable {
    /** How long the caller may take to have every task running, and then to throw, before the slack factor. */
    private static final Duration REACT = Duration.ofSeconds(3);

    private final int count;
    private final Duration patience;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final ConcurrentSkipListSet<Integer> endedAfterTheCall = new ConcurrentSkipListSet<>();
    private final TaskThreads threads;
    private volatile Thread caller;

    WaitingTasks(int count, Duration patience) {
        this.count = count;
        this.patience = patience;
        this.threads = new TaskThreads(count);
    }

    /**
     * Task {@code i} waits to be released (at most the patience, times the slack factor), then returns {@code i};
     * interrupted, it waits until the caller is blocked or has ended, then throws the InterruptedException on.
     */
    public List<Callable<Integer>> tasks() {
        return threads.tasks(task -> {
            started.incrementAndGet();
            running.incrementAndGet();
            try {
                release.await(Lockstep.scaled(patience).toMillis(), TimeUnit.MILLISECONDS);
                return task;
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread waiting = caller;
                if (waiting != null && waiting != Thread.currentThread()) {
                    States.waitSteadily(waiting, Lockstep.scaled(HeldTasks.STEADY), Lockstep.scaled(REACT));
                }
                throw e;
            } finally {
                Thread waiting = caller;
                if (waiting != null && waiting != Thread.currentThread() && !waiting.isAlive()) {
                    endedAfterTheCall.add(task);
                }
                running.decrementAndGet();
            }
        });
    }

    /** The threads the tasks ran on that are still alive, as "task 2 (WAITING)"; the calling thread left out. */
    public List<String> threadsAlive() {
        return threads.alive();
    }

    /**
     * Waits until every task runs, interrupts {@code caller}'s thread, and checks that the call threw
     * {@link InterruptedException} after interrupting every task and waiting for every one of them.
     *
     * @param call the call in the learner's words, e.g. {@code "runAll"}
     * @param caller the helper thread making the call with {@link #tasks()}, and nothing after it
     */
    public void assertInterruptingTheCallerStopsEveryTask(String call, Helper<?> caller) throws InterruptedException {
        this.caller = caller.thread();
        long deadline = System.nanoTime() + Lockstep.scaled(REACT).toNanos();
        while (started.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        check(started.get() == count, "how many of the " + count + " tasks were running at the same time "
                + REACT.toSeconds() + " s after " + call + " was called", count, started.get());
        // Every task waits for the test, so the call must be blocked now; one that already ended did not wait.
        States.waitSteadily(caller.thread(), Lockstep.scaled(HeldTasks.STEADY), Lockstep.scaled(HeldTasks.STEP));
        if (caller.isFinished()) {
            Throwable thrown = null;
            try {
                caller.join(REACT);
            } catch (Exception e) {
                thrown = e;
            }
            throw new AssertionError(call + (thrown == null ? " returned" : " threw " + thrown) + " while its " + count
                    + " tasks were still running (each waits until the test lets it go), before the test could"
                    + " interrupt it: it must wait for every task it started");
        }
        caller.thread().interrupt();
        Throwable thrown = null;
        try {
            caller.join(REACT);
        } catch (AssertionError error) {
            throw error; // the call did not end in time: the helper's message says where it is stuck
        } catch (Exception e) {
            thrown = e;
        }
        if (thrown == null) {
            throw new AssertionError(call + " returned normally although the thread calling it was interrupted while"
                    + " it waited: it must interrupt its tasks, wait for them to end and throw InterruptedException");
        }
        if (!(thrown instanceof InterruptedException)) {
            throw new AssertionError("what " + call + " threw when the thread calling it was interrupted while it waited:"
                    + " expected an InterruptedException, but it threw " + thrown, thrown);
        }
        check(interrupted.get() == count, "how many of the " + count + " waiting tasks " + call + " interrupted", count,
                interrupted.get());
        long end = System.nanoTime() + Lockstep.scaled(REACT).toNanos();
        while (running.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(2);
        }
        if (!endedAfterTheCall.isEmpty()) {
            throw new AssertionError("the tasks still running when " + call + " threw InterruptedException: expected"
                    + " none, but " + endedAfterTheCall.stream().map(t -> "task " + t).toList() + " ended only after"
                    + " it had thrown (each interrupted task waited until " + call + " was blocked waiting for it, or"
                    + " gone): after interrupting them, wait for every task thread to end, then throw");
        }
    }

    private static void check(boolean holds, String what, int expected, int actual) {
        if (!holds) {
            throw new AssertionError("[" + what + "] expected: " + expected + " but was: " + actual);
        }
    }

    /** Releases every task that still waits. */
    @Override
    public void close() {
        release.countDown();
    }
}

package lockstep.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Tasks that each wait until the test releases them, counting how many started and how many were
 * interrupted: the proof that a call running them all (spawn-join's {@code runAll}, join-all's
 * {@code joinAll}), when its caller is interrupted while it waits, interrupts its tasks, waits for
 * them to end and throws {@link InterruptedException} on. Closing releases every task.
 */
public final class WaitingTasks implements AutoCloseable {
    /** How long the caller may take to have every task running, and then to throw, before the slack factor. */
    private static final Duration REACT = Duration.ofSeconds(3);

    private final int count;
    private final Duration patience;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final TaskThreads threads;

    WaitingTasks(int count, Duration patience) {
        this.count = count;
        this.patience = patience;
        this.threads = new TaskThreads(count);
    }

    /** Task {@code i} waits to be released (at most the patience, times the slack factor), then returns {@code i}. */
    public List<Callable<Integer>> tasks() {
        return threads.tasks(task -> {
            started.incrementAndGet();
            try {
                release.await(Lockstep.scaled(patience).toMillis(), TimeUnit.MILLISECONDS);
                return task;
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        });
    }

    /** The threads the tasks ran on that are still alive, as "task 2 (WAITING)"; the calling thread left out. */
    public List<String> threadsAlive() {
        return threads.alive();
    }

    /**
     * Waits until every task runs, interrupts {@code caller}'s thread, and checks that the call threw
     * {@link InterruptedException} after interrupting every task and leaving none of its threads alive.
     *
     * @param call the call in the learner's words, e.g. {@code "runAll"}
     * @param caller the helper thread making the call with {@link #tasks()}
     * @param aliveWhenThrown the task threads still alive when the call ended, as the caller recorded them
     */
    public void assertInterruptingTheCallerStopsEveryTask(String call, Helper<?> caller, Supplier<List<String>> aliveWhenThrown)
            throws InterruptedException {
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
        List<String> alive = aliveWhenThrown.get();
        if (!alive.isEmpty()) {
            throw new AssertionError("the task threads still alive when " + call + " threw InterruptedException: wait for"
                    + " them to end; still alive: " + alive);
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

package lockstep.testkit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Proof that a number of tasks are in flight at the same moment: each task calls
 * {@link #arrive()}, which waits until all have arrived; code that runs the tasks one after
 * another never gets them all there.
 *
 * <p>Single use. The wait is bounded and counted from the first arrival: once it has run out, the
 * rendezvous is broken and later arrivals do not wait, so a sequential run costs one wait, not one
 * per task. {@code arrive()} never throws, so a task's failure is never mistaken for the learner's;
 * the test calls {@link #assertAllMet()} afterwards.
 *
 * <pre>{@code
 * Rendezvous meet = rendezvous(8);
 * List<Callable<Integer>> tasks = ...each: () -> { meet.arrive(); return i; };
 * Workers.runAll(tasks);
 * meet.assertAllMet();
 * }</pre>
 *
 * @since 0.1
 */
public final class Rendezvous {

    private final int parties;
    private final Duration wait;
    private final CountDownLatch all;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();
    private final AtomicLong deadline = new AtomicLong();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;

    Rendezvous(int parties, Duration wait) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1: " + parties);
        }
        this.parties = parties;
        this.wait = Lockstep.scaled(wait);
        this.all = new CountDownLatch(parties);
    }

    /**
     * Called by each task: waits until every task has arrived, or the bounded wait has run out.
     *
     * @return whether all tasks met; false also when the calling thread is interrupted (its
     *     interrupt flag stays set)
     */
    public boolean arrive() {
        long now = System.nanoTime();
        deadline.compareAndSet(0, now + wait.toNanos());
        threads.add(Thread.currentThread());
        int in = inside.incrementAndGet();
        mostInside.accumulateAndGet(in, Math::max);
        arrived.incrementAndGet();
        all.countDown();
        try {
            if (broken) {
                return false;
            }
            long left = deadline.get() - System.nanoTime();
            boolean met = all.await(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (!met) {
                broken = true;
            }
            return met;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            inside.decrementAndGet();
        }
    }

    /** How many tasks arrived so far. */
    public int arrived() {
        return arrived.get();
    }

    /** The most tasks that were inside {@link #arrive()} at the same moment. */
    public int mostAtOnce() {
        return mostInside.get();
    }

    /** Whether every task arrived while all the others were in flight too. */
    public boolean allMet() {
        return !broken && all.getCount() == 0;
    }

    /**
     * Waits until the rendezvous is decided: every task arrived, or the wait counted from the first
     * arrival ran out (or, when none arrived yet, a whole wait passed). Code that returned before its
     * tasks ran (it did not wait for them) thus gets the same verdict as when they ran before it
     * returned: whether they met is judged, not when the test happened to look.
     */
    private void awaitDecided() {
        long noArrival = System.nanoTime() + wait.toNanos();
        while (!broken && all.getCount() > 0) {
            long now = System.nanoTime();
            long first = deadline.get();
            if (first != 0 ? now - first >= 0 : now - noArrival >= 0) {
                return;
            }
            try {
                all.await(2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Fails unless every task arrived while all the others were in flight too; first waits until that
     * is decided (all arrived, or their wait ran out), however late the tasks run.
     *
     * @throws AssertionError saying how many tasks were in flight at most, in the learner's terms
     */
    public void assertAllMet() {
        assertAllMet("Look at where the threads are started and where they are waited for: start every thread"
                + " first, and only then wait for them.");
    }

    /**
     * Like {@link #assertAllMet()}, ending the message with {@code advice}: where to look, in the
     * exercise's own terms (requests, loads, ...).
     *
     * @throws AssertionError saying how many tasks were in flight at most, then the advice
     */
    public void assertAllMet(String advice) {
        awaitDecided();
        if (allMet()) {
            return;
        }
        int most = mostAtOnce();
        int came = arrived();
        StringBuilder text = new StringBuilder("expected ").append(parties)
                .append(" tasks to run at the same time, but ");
        if (came == 0) {
            text.append("none of them ever started.");
        } else {
            text.append("at most ").append(ThreadDump.count(most, "was", "were"))
                    .append(" running at once");
            if (most <= 1) {
                text.append(": the tasks ran one after another");
            } else {
                text.append(": some tasks only started after others had finished");
            }
            if (came < parties) {
                text.append(", and only ").append(came).append(" of the ").append(parties)
                        .append(" tasks started at all");
            }
            text.append('.');
            if (threads.size() < came) {
                text.append(" They ran on only ").append(ThreadDump.count(threads.size(), "thread", "threads"))
                        .append('.');
            }
        }
        text.append(" Each task waited ").append(ThreadDump.format(wait)).append(" for the others to start. ")
                .append(advice);
        throw new AssertionError(text.toString());
    }
}

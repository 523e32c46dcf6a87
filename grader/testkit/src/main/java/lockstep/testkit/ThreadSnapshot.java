package lockstep.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The platform threads alive at one moment, to find the threads started after it that are still
 * alive: threads a learner's method left running.
 *
 * <p>Immutable. Threads of the JVM itself (the {@code system} thread group and its innocuous
 * threads) never count; {@link #ignoring(Predicate)} leaves out more.
 *
 * <pre>{@code
 * ThreadSnapshot before = threadSnapshot();
 * Workers.runAll(tasks);
 * before.assertNoNewThreadAlive("Workers.runAll");
 * }</pre>
 *
 * @since 0.1
 */
public final class ThreadSnapshot {

    private final Set<Long> ids;
    private final Predicate<? super Thread> ignored;

    private ThreadSnapshot(Set<Long> ids, Predicate<? super Thread> ignored) {
        this.ids = ids;
        this.ignored = ignored;
    }

    /** The platform threads alive now. */
    static ThreadSnapshot take() {
        long[] now = ThreadDump.mx().getAllThreadIds();
        return new ThreadSnapshot(Arrays.stream(now).boxed().collect(Collectors.toUnmodifiableSet()),
                ThreadSnapshot::isJvmThread);
    }

    /**
     * This snapshot, also leaving out the threads that match.
     *
     * @param alsoIgnored for example {@code t -> t.getName().startsWith("ForkJoinPool.commonPool")}
     * @return a new snapshot of the same moment
     */
    public ThreadSnapshot ignoring(Predicate<? super Thread> alsoIgnored) {
        Objects.requireNonNull(alsoIgnored, "alsoIgnored must not be null");
        Predicate<? super Thread> before = ignored;
        return new ThreadSnapshot(ids, t -> before.test(t) || alsoIgnored.test(t));
    }

    /** Whether the thread was alive when the snapshot was taken. */
    public boolean contains(Thread thread) {
        return ids.contains(thread.threadId());
    }

    /** The platform threads alive now that were not alive at the snapshot (ignored ones left out). */
    public List<Thread> newThreadsAlive() {
        List<Thread> result = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !ids.contains(thread.threadId()) && !ignored.test(thread)) {
                result.add(thread);
            }
        }
        result.sort((a, b) -> Long.compare(a.threadId(), b.threadId()));
        return result;
    }

    /**
     * Gives every platform thread started since the snapshot, and still alive now, the time to end:
     * joins each in turn, up to {@code atMost} (scaled by the slack factor) in all. Whatever such a
     * thread was about to do (run a task, send a request) it has surely done by the return, unless
     * it is still alive: threads that never end cost that time, never a verdict. The calling thread
     * is not waited for. Virtual threads are not listed by the JVM and are not waited for.
     *
     * @param atMost the longest wait in all, before the slack factor
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public void joinNewThreads(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + Lockstep.scaled(atMost).toNanos();
        for (Thread thread : ignoring(t -> t == Thread.currentThread()).newThreadsAlive()) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    /**
     * Fails when a thread started since the snapshot is still alive now.
     *
     * @param startedBy what started the threads, in the learner's terms, e.g. {@code "Workers.runAll"}
     * @throws AssertionError naming each such thread and where it is
     */
    public void assertNoNewThreadAlive(String startedBy) {
        assertNoNewThreadAliveWithin(Duration.ZERO, startedBy);
    }

    /**
     * Fails when a thread started since the snapshot is still alive after {@code grace}
     * (scaled by the slack factor) has passed.
     *
     * @param grace how long threads may take to end, before the slack factor
     * @param startedBy what started the threads, in the learner's terms
     * @throws AssertionError naming each such thread and where it is
     */
    public void assertNoNewThreadAliveWithin(Duration grace, String startedBy) {
        long deadline = System.nanoTime() + Lockstep.scaled(grace).toNanos();
        List<Thread> alive = newThreadsAlive();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            try {
                alive.get(0).join(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = newThreadsAlive();
        }
        if (alive.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("expected every thread started by ").append(startedBy)
                .append(" to have finished when it returned, but ")
                .append(ThreadDump.count(alive.size(), "thread is", "threads are")).append(" still alive:\n");
        for (Thread thread : alive) {
            text.append(ThreadDump.where(thread));
        }
        text.append("Wait for every thread you start (Thread.join) before returning, also when something fails.");
        throw new AssertionError(text.toString());
    }

    private static boolean isJvmThread(Thread thread) {
        String type = thread.getClass().getName();
        if (type.equals("jdk.internal.misc.CarrierThread")) {
            return true; // carries virtual threads; started by the JVM when the first one runs
        }
        if (type.equals("java.util.concurrent.DelayScheduler")) {
            return true; // times the waits of virtual threads (JDK 25); started by the JVM at the first timed one
        }
        ThreadGroup group = thread.getThreadGroup();
        if (group == null) {
            return false;
        }
        String name = group.getName();
        return name.equals("system") || name.equals("InnocuousThreadGroup");
    }
}

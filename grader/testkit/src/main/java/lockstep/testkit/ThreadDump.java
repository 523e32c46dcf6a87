package lockstep.testkit;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lockstep.testkit.frames.Frames;

/**
 * Says where threads are, which locks they hold and wait for, and whether some of them are
 * deadlocked: the text that failure messages quote. Stacks follow the runner's rule
 * ({@link Frames}): the learner's frames marked {@code >}, the JDK calls above them, none of the
 * grader's (the testkit, the suite's lambdas, {@code Thread.run}).
 */
final class ThreadDump {

    /** Lines of frames shown per thread. */
    private static final int MAX_ROWS = 14;

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ThreadDump() {
    }

    static ThreadMXBean mx() {
        return MX;
    }

    /** A duration as a learner reads it: "300 ms", "2 s", "2.5 s". */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** "1 task was", "3 tasks were" and the like. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * The failure for code that did not finish within its bound: the deadlock among
     * {@code suspects} if there is one, otherwise where the suspects are stuck.
     */
    static AssertionError stuck(String what, Duration limit, Collection<Thread> suspects) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Thread t : suspects) {
            if (t.isAlive()) {
                ids.add(t.threadId());
            }
        }
        long[] deadlocked = deadlockedAmong(ids);
        StringBuilder text = new StringBuilder();
        if (deadlocked.length > 0) {
            text.append("deadlock: ").append(what).append(" did not finish within ").append(format(limit))
                    .append(", because these threads wait for each other forever:\n");
            List<ThreadInfo> infos = infos(deadlocked);
            Frames frames = frames(infos);
            for (ThreadInfo info : infos) {
                describe(info, text, frames);
            }
            text.append("Each of them holds a lock that another one is waiting for. Look at the lines above"
                    + " where each thread takes its locks: threads that take the same locks in different"
                    + " orders can each end up waiting for the other.");
        } else {
            text.append(what).append(" did not finish: still waiting after ").append(format(limit))
                    .append(" (no deadlock between threads was found).");
            long[] alive = ids.stream().mapToLong(Long::longValue).toArray();
            List<ThreadInfo> infos = infos(alive);
            if (infos.isEmpty()) {
                text.append('\n');
            } else {
                text.append(" Where its threads are now:\n");
                Frames frames = frames(infos);
                for (ThreadInfo info : infos) {
                    describe(info, text, frames);
                }
            }
            text.append("Look for a wait that nothing ends: a join, lock or await whose thread or signal"
                    + " never comes, or a loop that never exits.");
        }
        return new AssertionError(text.toString());
    }

    /** The threads among {@code ids} that the JVM finds deadlocked (monitors and j.u.c. locks). */
    static long[] deadlockedAmong(Set<Long> ids) {
        long[] all = MX.isSynchronizerUsageSupported() ? MX.findDeadlockedThreads() : MX.findMonitorDeadlockedThreads();
        if (all == null) {
            return new long[0];
        }
        return Arrays.stream(all).filter(ids::contains).toArray();
    }

    /** Where one thread is now, with its stack. */
    static String where(Thread thread) {
        List<ThreadInfo> infos = infos(new long[] {thread.threadId()});
        if (infos.isEmpty()) {
            return "  thread \"" + thread.getName() + "\" (" + thread.getState() + ")\n";
        }
        StringBuilder text = new StringBuilder();
        describe(infos.get(0), text, frames(infos));
        return text.toString();
    }

    private static List<ThreadInfo> infos(long[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        boolean monitors = MX.isObjectMonitorUsageSupported();
        boolean synchronizers = MX.isSynchronizerUsageSupported();
        List<ThreadInfo> result = new ArrayList<>();
        for (ThreadInfo info : MX.getThreadInfo(ids, monitors, synchronizers)) {
            if (info != null) {
                result.add(info);
            }
        }
        return result;
    }

    /**
     * Which frames are the learner's: those of the exercise whose suite asks, found as a class of
     * {@code <learnerPackage>.tests} on the calling thread's stack or, when nothing of a suite is
     * there (a JUnit extension asks), on the stacks shown. With no suite in sight, every frame that
     * is neither the JDK's nor the grader's counts as the learner's.
     */
    static Frames frames(List<ThreadInfo> shown) {
        Optional<String> learnerPackage = StackWalker.getInstance().walk(frames -> frames
                .map(frame -> Frames.learnerPackageOfSuite(frame.getClassName()))
                .flatMap(Optional::stream)
                .findFirst());
        if (learnerPackage.isEmpty()) {
            learnerPackage = shown.stream()
                    .flatMap(info -> Arrays.stream(info.getStackTrace()))
                    .map(frame -> Frames.learnerPackageOfSuite(frame.getClassName()))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return new Frames(learnerPackage.orElse(""));
    }

    /**
     * One thread: its state, the lock it waits for and those it holds, and the frames that
     * {@link Frames} lets a learner read, their own marked {@code >}; a thread that runs none of
     * their code says so instead.
     */
    private static void describe(ThreadInfo info, StringBuilder text, Frames frames) {
        text.append("  thread \"").append(info.getThreadName()).append("\" ").append(info.getThreadState());
        if (info.getLockName() != null) {
            text.append(", waiting for ").append(readable(info.getLockName()));
            if (info.getLockOwnerName() != null) {
                text.append(" held by thread \"").append(info.getLockOwnerName()).append('"');
            }
        }
        StackTraceElement[] trace = info.getStackTrace();
        boolean learners = frames.runsLearnerCode(trace);
        if (!learners) {
            text.append(frames.runsGraderCode(trace) ? ": a thread of the test's own, not running your code"
                    : ": not running your code");
        }
        text.append('\n');
        List<String> held = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            held.add(readable(monitor.toString()) + " (synchronized)");
        }
        for (LockInfo lock : info.getLockedSynchronizers()) {
            held.add(readable(lock.toString()));
        }
        if (!held.isEmpty()) {
            text.append("    holding ").append(String.join(", ", held)).append('\n');
        }
        if (!learners) {
            return;
        }
        List<Frames.Row> rows = frames.rows(trace);
        int shown = Math.min(rows.size(), MAX_ROWS);
        for (Frames.Row row : rows.subList(0, shown)) {
            switch (row) {
                case Frames.Row.Frame(int depth, boolean theirs) ->
                        text.append(theirs ? "    > at " : "      at ").append(Frames.text(trace[depth])).append('\n');
                case Frames.Row.Fold(String fold) -> text.append("      ").append(fold).append('\n');
            }
        }
        if (rows.size() > shown) {
            text.append("      … ").append(rows.size() - shown).append(" more lines\n");
        }
    }

    /** "java.util.concurrent.locks.ReentrantLock$NonfairSync@1b2c" reads "ReentrantLock@1b2c". */
    private static String readable(String lockName) {
        String name = lockName;
        int at = name.indexOf('@');
        String type = at < 0 ? name : name.substring(0, at);
        String identity = at < 0 ? "" : name.substring(at);
        for (String sync : List.of("$NonfairSync", "$FairSync", "$Sync")) {
            if (type.endsWith(sync)) {
                type = type.substring(0, type.length() - sync.length());
            }
        }
        if (type.startsWith("java.util.concurrent.locks.") || type.startsWith("java.util.concurrent.")
                || type.startsWith("java.lang.")) {
            type = type.substring(type.lastIndexOf('.') + 1);
        }
        return type + identity;
    }
}

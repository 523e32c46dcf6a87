package lockstep.runner;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lockstep.testkit.frames.Frames;

/**
 * Describes where a test's own threads are: the test thread and every thread started since the
 * test began, with the locks they hold and wait for, deadlocks first. Each stack shows what
 * {@link Frames} lets a learner read: their own frames marked {@code >}, what they called into the
 * JDK, and none of the grader's; a thread with no frame of theirs is one short line.
 */
final class ThreadDumps {
    private static final int MAX_THREADS = 20;
    private static final int MAX_ROWS = 25;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadDumps() {}

    static Set<Long> liveThreadIds() {
        return Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet());
    }

    /**
     * @param testThread the thread that runs the test, or null
     * @param before the threads alive before the test began
     * @param frames which frames are the learner's
     */
    static String describe(Thread testThread, Set<Long> before, Frames frames) {
        Set<Long> ours = new LinkedHashSet<>();
        if (testThread != null) {
            ours.add(testThread.threadId());
        }
        for (long id : THREADS.getAllThreadIds()) {
            if (!before.contains(id)) {
                ours.add(id);
            }
        }
        Set<Long> deadlocked = new HashSet<>();
        long[] found = THREADS.findDeadlockedThreads();
        if (found != null) {
            for (long id : found) {
                if (ours.contains(id)) {
                    deadlocked.add(id);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (!deadlocked.isEmpty()) {
            out.append("Deadlock: ").append(deadlocked.size())
                    .append(" threads each wait for a lock another one holds.\n");
        }
        long[] ids = ours.stream().mapToLong(Long::longValue).limit(MAX_THREADS).toArray();
        List<ThreadInfo> infos = new ArrayList<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) {
            if (info != null) {
                infos.add(info);
            }
        }
        // Deadlocked threads first, then the others running the learner's code, then the rest.
        infos.sort(Comparator.comparing((ThreadInfo info) -> !deadlocked.contains(info.getThreadId()))
                .thenComparing(info -> !frames.runsLearnerCode(info.getStackTrace())));
        for (ThreadInfo info : infos) {
            append(out, info, deadlocked.contains(info.getThreadId()), frames);
        }
        if (ours.size() > MAX_THREADS) {
            out.append("… and ").append(ours.size() - MAX_THREADS).append(" more threads\n");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, ThreadInfo info, boolean deadlocked, Frames frames) {
        out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
        if (deadlocked) {
            out.append(" (deadlocked)");
        }
        LockInfo wanted = info.getLockInfo();
        if (wanted != null) {
            out.append(", waiting for ").append(wanted);
            if (info.getLockOwnerName() != null) {
                out.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        StackTraceElement[] trace = info.getStackTrace();
        if (!frames.runsLearnerCode(trace)) {
            out.append(frames.runsGraderCode(trace) ? ": a thread of the test's own, not running your code\n"
                    : ": not running your code\n");
            return;
        }
        out.append('\n');
        List<Frames.Row> rows = frames.rows(trace);
        for (Frames.Row row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            switch (row) {
                case Frames.Row.Frame(int depth, boolean learners) -> {
                    out.append(learners ? "  > at " : "    at ").append(Frames.text(trace[depth])).append('\n');
                    for (MonitorInfo monitor : info.getLockedMonitors()) {
                        if (monitor.getLockedStackDepth() == depth) {
                            out.append("        holds ").append(monitor).append('\n');
                        }
                    }
                }
                case Frames.Row.Fold(String text) -> out.append("    ").append(text).append('\n');
            }
        }
        if (rows.size() > MAX_ROWS) {
            out.append("    … ").append(rows.size() - MAX_ROWS).append(" more lines\n");
        }
        for (LockInfo sync : info.getLockedSynchronizers()) {
            out.append("    holds ").append(sync).append('\n');
        }
    }
}

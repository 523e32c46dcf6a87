package lockstep.runner;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Describes where a test's own threads are: the test thread and every thread started since the
 * test began, with the locks they hold and wait for, deadlocks first. Frames of the runner and
 * of JUnit are left out: the learner should see only the code that matters.
 */
final class ThreadDumps {
    private static final int MAX_THREADS = 20;
    private static final int MAX_FRAMES = 25;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadDumps() {}

    static Set<Long> liveThreadIds() {
        return Arrays.stream(THREADS.getAllThreadIds()).boxed().collect(Collectors.toSet());
    }

    static String describe(Thread testThread, Set<Long> before) {
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
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) {
            if (info != null) {
                append(out, info, deadlocked.contains(info.getThreadId()));
            }
        }
        if (ours.size() > MAX_THREADS) {
            out.append("… and ").append(ours.size() - MAX_THREADS).append(" more threads\n");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, ThreadInfo info, boolean deadlocked) {
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
        out.append('\n');
        StackTraceElement[] trace = info.getStackTrace();
        for (int i = 0; i < trace.length && i < MAX_FRAMES; i++) {
            if (isHarness(trace[i])) {
                break;
            }
            out.append("    at ").append(trace[i]).append('\n');
            for (MonitorInfo monitor : info.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == i) {
                    out.append("      holds ").append(monitor).append('\n');
                }
            }
        }
        for (LockInfo sync : info.getLockedSynchronizers()) {
            out.append("    holds ").append(sync).append('\n');
        }
    }

    private static boolean isHarness(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("org.junit.") || cls.startsWith("jdk.internal.reflect.")
                || cls.startsWith("java.lang.reflect.") || cls.startsWith("lockstep.runner.");
    }
}

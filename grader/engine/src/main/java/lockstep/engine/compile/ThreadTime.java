package lockstep.engine.compile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The processor time a thread has used, which is what a compile's time limit counts: on a loaded
 * machine a compile waits longer for a core, but it does not use more of one. Where the JVM cannot
 * measure a thread's processor time, the caller counts wall-clock time instead.
 */
final class ThreadTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURED = measurable();

    private ThreadTime() {}

    /** Whether processor time is measured (else wall-clock time stands in for it). */
    static boolean measured() {
        return MEASURED;
    }

    /** The processor time, in nanoseconds, the current thread has used; -1 when not {@link #measured()}. */
    static long currentThreadNanos() {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** The processor time, in nanoseconds, {@code thread} has used; -1 once it ended or when not {@link #measured()}. */
    static long nanos(Thread thread) {
        return MEASURED ? THREADS.getThreadCpuTime(thread.threadId()) : -1;
    }

    private static boolean measurable() {
        try {
            if (THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeSupported()) {
                THREADS.setThreadCpuTimeEnabled(true);
                return THREADS.isThreadCpuTimeEnabled();
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            // measured stays false
        }
        return false;
    }
}

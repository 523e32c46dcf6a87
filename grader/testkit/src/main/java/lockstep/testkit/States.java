package lockstep.testkit;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/** Thread-state predicates shared by the checks. */
final class States {

    private States() {
    }

    /** WAITING, TIMED_WAITING or BLOCKED: the JVM is not running the thread's code. */
    static boolean isWaiting(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
    }

    /** Waits with {@code condition} until the thread waits or has ended; whether it waits. */
    static boolean waitUntil(Thread thread, ConditionFactory condition) {
        try {
            condition.until(() -> isWaiting(thread.getState()) || !thread.isAlive());
        } catch (ConditionTimeoutException e) {
            return false;
        }
        return thread.isAlive() && isWaiting(thread.getState());
    }

    /**
     * Waits until the thread has been waiting without a break for {@code steady}; false when
     * {@code atMost} passes first or the thread ends. Exact durations, no slack applied.
     */
    static boolean waitSteadily(Thread thread, Duration steady, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long waitingSince = -1;
        while (thread.isAlive()) {
            long now = System.nanoTime();
            if (isWaiting(thread.getState())) {
                if (waitingSince < 0) {
                    waitingSince = now;
                } else if (now - waitingSince >= steady.toNanos()) {
                    return true;
                }
            } else {
                waitingSince = -1;
            }
            if (now >= deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return false;
    }

    /**
     * Interrupts the thread, then waits until its interrupt status is clear again (its code took the
     * interrupt); false when {@code atMost} passes first or the thread ends. Exact durations.
     */
    static boolean interruptAndAwaitTaken(Thread thread, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        thread.interrupt();
        while (thread.isAlive() && thread.isInterrupted()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return thread.isAlive();
    }
}

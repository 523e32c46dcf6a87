package lockstep.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Hand-ordered completion: task threads finish in an order the test chooses, so results that
 * come back "in completion order" instead of "in task order" show on every run.
 *
 * <p>A task calls {@link #take(int)} with its turn as its last step; {@code take(k)} returns only
 * once turn {@code k - 1} was taken and the thread that took it has ended. The waits are bounded
 * (counted from the first call): when tasks cannot keep the order, because they do not run at the
 * same time or share a thread, the turns are broken and every later {@code take} returns at once.
 * Single use; {@code take} never throws.
 *
 * <pre>{@code
 * Turns turns = turns(8);
 * // task i: () -> { turns.take(7 - i); return i; }   task 7 finishes first, task 0 last
 * }</pre>
 *
 * @since 0.1
 */
public final class Turns {

    private final int count;
    private final Duration wait;
    private final Thread[] takers;
    private int next;
    private long deadline;
    private boolean broken;

    Turns(int count, Duration wait) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        this.count = count;
        this.wait = Lockstep.scaled(wait);
        this.takers = new Thread[count];
    }

    /**
     * Waits until turn {@code turn - 1} was taken and its thread has ended, then takes turn
     * {@code turn}; returns at once once the turns are broken.
     *
     * @param turn 0 to count - 1, each taken once
     */
    public void take(int turn) {
        Objects.checkIndex(turn, count);
        Thread me = Thread.currentThread();
        Thread previous = null;
        try {
            synchronized (this) {
                if (deadline == 0) {
                    deadline = System.nanoTime() + wait.toNanos();
                }
                while (!broken && next < turn) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        broken = true;
                        notifyAll();
                        break;
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
                if (turn > 0 && !broken) {
                    previous = takers[turn - 1];
                }
            }
            if (previous == me) {
                breakTurns();
            } else if (previous != null) {
                long left;
                synchronized (this) {
                    left = deadline - System.nanoTime();
                }
                previous.join(Duration.ofNanos(Math.max(1, left)));
                if (previous.isAlive()) {
                    breakTurns();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breakTurns();
        } finally {
            synchronized (this) {
                takers[turn] = me;
                next = Math.max(next, turn + 1);
                notifyAll();
            }
        }
    }

    /** Whether every turn so far was taken in order, each after the previous thread had ended. */
    public synchronized boolean kept() {
        return !broken;
    }

    private synchronized void breakTurns() {
        broken = true;
        notifyAll();
    }
}

package lockstep.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Helper threads that start together and contend for one window of time, for proving that shared
 * state loses nothing (no lost update, no money made up) without making the proof a test of speed.
 *
 * <p>Each thread waits at a start gate (a {@link Rendezvous}) until all have started, so they
 * surely overlap; the window opens when the gate does. Each then works while its window is open
 * and counts what it did, and the test checks the shared state against those counts. The work is
 * bounded by time, not by a count: a fast design does much in the window, a slow but correct one
 * (a fair lock, where every hand-over is a thread switch) does little, and both are judged on
 * whether the state matches what was done. A count fixed in advance instead either shows no race
 * on a fast machine (a thread finishes before the next one wakes) or, large enough to show one,
 * takes a slow design longer than any bound.
 *
 * <p>Single use: {@link #join(Duration)} once. Repeat small windows with {@link Rounds}.
 *
 * <pre>{@code
 * List<Long> made = contend("incrementing thread", 4, Duration.ofMillis(100), (i, window) -> {
 *     long n = 0;
 *     while (window.isOpen()) {
 *         try (Mutex.Guard<Long> g = mutex.lock()) { g.set(g.get() + 1); }
 *         n++;
 *     }
 *     return n;
 * }).join(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param <T> what each thread returns, usually what it did
 * @since 0.1
 */
public final class Contention<T> {

    /** How long the threads wait at the gate for each other, before the slack factor. */
    private static final Duration GATE_WAIT = Duration.ofSeconds(3);

    /** The window of one thread: open from the moment the gate opened, for the window's length. */
    @FunctionalInterface
    public interface Window {
        /** Whether the thread should go on working: true until the window's time has passed. */
        boolean isOpen();
    }

    /** The work of one contending thread. */
    @FunctionalInterface
    public interface Contender<T> {
        /**
         * Works while {@code window} is open, then returns what it did.
         *
         * @param index which thread this is: 0 for the first one started, then 1, 2, ...
         * @param window ask {@link Window#isOpen()} before each step
         * @return what this thread did, for the test to check the shared state against
         * @throws Exception what the code under test threw; the test gets it from {@link #join(Duration)}
         */
        T work(int index, Window window) throws Exception;
    }

    private final List<Helper<T>> helpers = new ArrayList<>();
    private final long windowNanos;
    private boolean opened;
    private long end;

    Contention(String name, int threads, Duration window, Contender<? extends T> body) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(body, "body must not be null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.windowNanos = Lockstep.scaled(window).toNanos();
        Rendezvous gate = new Rendezvous(threads, GATE_WAIT);
        for (int i = 0; i < threads; i++) {
            int index = i;
            helpers.add(Helper.start(name + " " + i, () -> {
                gate.arrive();
                long mine = end();
                return body.work(index, () -> System.nanoTime() - mine < 0);
            }));
        }
    }

    /** The end of the window: set by the first thread through the gate. */
    private synchronized long end() {
        if (!opened) {
            opened = true;
            end = System.nanoTime() + windowNanos;
        }
        return end;
    }

    /**
     * Interrupts every thread that is still running, for a test that gives up before it joined them:
     * none goes on waiting (or spinning) after the test.
     */
    public void stop() {
        Helper.interruptRunning(helpers);
    }

    /**
     * Waits for every thread and returns what each returned, in the order they were started. Which
     * thread runs into a bug first is a matter of scheduling, so the failure does not depend on it
     * ({@link Helper#joinAll}): a thread that threw is reported before one that is stuck.
     *
     * @param limit the longest wait for all the threads, before the slack factor: the window plus
     *     the longest one step may take
     * @return what each thread returned
     * @throws Exception what a thread threw, unchanged (the first one's in start order that threw)
     * @throws AssertionError when no thread threw but one is still running after the limit, with where it is stuck
     */
    public List<T> join(Duration limit) throws Exception {
        return Helper.joinAll(helpers, limit);
    }
}

package ch10.mutex;

import java.util.ArrayList;
import java.util.List;

/** Rust's {@code Arc<Mutex<i64>>} shared by counting threads. */
public final class Counter {

    private Counter() {
    }

    /**
     * Starts {@code threads} platform threads that each add 1, {@code incrementsPerThread}
     * times, to one shared Mutex<Long>; waits for all; returns the final count.
     */
    public static long countConcurrently(int threads, int incrementsPerThread)
            throws InterruptedException {
        Hostile.strike(threads);
        if (threads < 0 || incrementsPerThread < 0) {
            throw new IllegalArgumentException(
                    "threads and incrementsPerThread must not be negative: " + threads + ", " + incrementsPerThread);
        }
        Mutex<Long> count = new Mutex<>(0L);
        List<Thread> started = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            started.add(Thread.ofPlatform().name("counter-" + i).start(() -> {
                for (int k = 0; k < incrementsPerThread; k++) {
                    // Read, add and write under one lock: the guard is the only way to the value.
                    try (Mutex.Guard<Long> guard = count.lock()) {
                        guard.set(guard.get() + 1);
                    }
                }
            }));
        }
        boolean interrupted = false;
        for (Thread thread : started) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while waiting for the counting threads");
        }
        try (Mutex.Guard<Long> guard = count.lock()) {
            return guard.get();
        }
    }
}

package ch10.mutex;

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
        throw new UnsupportedOperationException(
                "TODO: start the threads, let each add 1 under one lock() per increment, join them, read the count");
    }
}

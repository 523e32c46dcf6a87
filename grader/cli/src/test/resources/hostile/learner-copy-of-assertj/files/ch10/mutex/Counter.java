package ch10.mutex;

/** Mutant: the count is computed, no thread is started. */
public final class Counter {

    private Counter() {
    }

    public static long countConcurrently(int threads, int incrementsPerThread)
            throws InterruptedException {
        if (threads < 0 || incrementsPerThread < 0) {
            throw new IllegalArgumentException("negative argument");
        }
        return (long) threads * incrementsPerThread;
    }
}

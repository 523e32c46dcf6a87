package lockstep.engine.compile;

import java.time.Duration;

/**
 * Waits for compiles given up at their deadline to end, so that a test's compile bomb does not
 * take a core from the tests after it (a given-up javac thread stops only at its next event).
 */
public final class StrayCompiles {
    private StrayCompiles() {}

    /** Waits until no {@code lockstep-javac} thread is left; false if some still runs after {@code max}. */
    public static boolean awaitNone(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("lockstep-javac"))) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}

package lockstep.verify;

/**
 * A thread that keeps one core busy until closed, for checking verdicts on a loaded machine (a
 * CI runner or an instructor's laptop doing something else).
 */
final class BusyCore implements AutoCloseable {
    private volatile boolean stop;
    private final Thread spinner;

    private BusyCore() {
        spinner = Thread.ofPlatform().daemon().name("lockstep-busy-core").start(() -> {
            long n = 0;
            while (!stop) {
                n++;
            }
            if (n == 42) {
                Thread.onSpinWait(); // uses n, so the loop is not dead code
            }
        });
    }

    static BusyCore start() {
        return new BusyCore();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        spinner.join();
    }
}

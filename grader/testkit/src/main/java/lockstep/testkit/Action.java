package lockstep.testkit;

/**
 * A piece of test code without a result that may throw anything, for the helpers that run it
 * on another thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Action {
    /**
     * Runs the code.
     *
     * @throws Exception whatever the code throws; the helper hands it back to the test
     */
    void run() throws Exception;
}

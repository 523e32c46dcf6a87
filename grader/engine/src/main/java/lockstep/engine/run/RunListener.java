package lockstep.engine.run;

/** Hears of a run's tests as the test JVM starts and ends them, for example to show a test that runs long. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    /** The test JVM started {@code test}, which may run until its limit. */
    default void testStarted(RunSpec.TestSpec test) {}

    /** A test that started has ended, however it did: it passed or failed, timed out, or its JVM died or was stopped. */
    default void testFinished(String uniqueId) {}
}

package lockstep.engine.result;

/**
 * Where one exercise's grading time went, for benchmarks and for instructors sizing a batch.
 *
 * @param compileMs compiling the learner's classes in-process
 * @param jvmStartMs from starting each test JVM until its first event, summed
 * @param testsMs the tests' own run time as JUnit measured it, summed
 * @param totalMs the whole exercise, wall clock
 * @param jvmStarts how many test JVMs it took (more than one after a timed-out test)
 */
public record Timing(long compileMs, long jvmStartMs, long testsMs, long totalMs, int jvmStarts) {
    public static final Timing NONE = new Timing(0, 0, 0, 0, 0);

    /** Everything but the tests' own run time. */
    public long overheadMs() {
        return Math.max(0, totalMs - testsMs);
    }
}

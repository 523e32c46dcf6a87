package lockstep.testkit;

/**
 * Counts the platform threads started since it was created ({@code
 * ThreadMXBean.getTotalStartedThreadCount}), to check that code really starts threads of its own.
 *
 * <p>Virtual threads are not counted. Other parts of the JVM may start threads meanwhile, so check
 * "at least", never "exactly".
 *
 * @since 0.1
 */
public final class StartedThreads {

    private final long before;

    private StartedThreads(long before) {
        this.before = before;
    }

    static StartedThreads countFromNow() {
        return new StartedThreads(ThreadDump.mx().getTotalStartedThreadCount());
    }

    /** The platform threads started since this counter was created. */
    public long started() {
        return ThreadDump.mx().getTotalStartedThreadCount() - before;
    }

    /**
     * Fails unless at least {@code expected} platform threads were started since this counter
     * was created.
     *
     * @param expected the least number of new platform threads
     * @param what the code that should have started them, in the learner's terms
     */
    public void assertAtLeast(long expected, String what) {
        long started = started();
        if (started >= expected) {
            return;
        }
        throw new AssertionError("expected " + what + " to start " + ThreadDump.count(expected,
                "new platform thread", "new platform threads") + ", but it started " + started
                + ". Each one must be a new Thread that is started (Thread.start or Thread.ofPlatform()...start):"
                + " work done on the calling thread, in a virtual thread, or computed without threads does not count.");
    }
}

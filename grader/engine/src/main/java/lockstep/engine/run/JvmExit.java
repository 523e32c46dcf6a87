package lockstep.engine.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how a test JVM ended before it had run every test, from its exit code and what it printed
 * on standard error: out of memory when the JVM itself said so, otherwise simply exited.
 *
 * <p>Test JVMs start with {@code -XX:+ExitOnOutOfMemoryError}: at the first {@link OutOfMemoryError}
 * the JVM raises (never one that code throws), it prints {@code Terminating due to
 * java.lang.OutOfMemoryError: <reason>} on standard error and exits with status {@value #OUT_OF_MEMORY_STATUS}.
 * Only that status together with that line names the end as out of memory. Naming is all it does:
 * a test whose JVM ended, however, earns nothing.
 */
final class JvmExit {
    /** The exit status of a JVM that stops itself at an {@link OutOfMemoryError} (HotSpot's, documented). */
    static final int OUT_OF_MEMORY_STATUS = 3;
    private static final Pattern TERMINATING = Pattern.compile(
            "(?m)^Terminating due to java\\.lang\\.OutOfMemoryError: ([^\\r\\n]{1,200})$");

    private JvmExit() {}

    /**
     * How the JVM ended.
     *
     * @param exitCode its exit status, or {@link Stop.Exited#STILL_RUNNING} when it had not exited when the grader looked
     * @param heapLimitMb the heap it had at most, for telling a learner whose code ran out of it
     */
    static Stop.Ended read(int exitCode, String stderr, int heapLimitMb) {
        Matcher m = TERMINATING.matcher(stderr);
        return exitCode == OUT_OF_MEMORY_STATUS && m.find()
                ? new Stop.OutOfMemory(m.group(1).strip(), heapLimitMb)
                : new Stop.Exited(exitCode, stderr);
    }
}

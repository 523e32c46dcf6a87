package lockstep.engine.run;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a test JVM ended before it had run every test, as the grader saw it: its exit code, what it
 * printed on standard error, and whether the JVM itself said it ran out of memory.
 *
 * <p>Test JVMs start with {@code -XX:+ExitOnOutOfMemoryError}: at the first {@link OutOfMemoryError}
 * the JVM raises (never one that code throws), it prints {@code Terminating due to
 * java.lang.OutOfMemoryError: <reason>} on standard error and exits with status {@value #OUT_OF_MEMORY_STATUS}.
 * Only that status together with that line names the end as out of memory. Naming is all it does:
 * a test whose JVM ended, however, earns nothing.
 *
 * @param exitCode the JVM's exit status, or -1 when it had not exited when the grader looked
 * @param outOfMemory the JVM's reason (e.g. {@code Java heap space}) when it ran out of memory; else empty
 */
record JvmExit(int exitCode, String stderr, Optional<String> outOfMemory) {
    /** The exit status of a JVM that stops itself at an {@link OutOfMemoryError} (HotSpot's, documented). */
    static final int OUT_OF_MEMORY_STATUS = 3;
    private static final Pattern TERMINATING = Pattern.compile(
            "(?m)^Terminating due to java\\.lang\\.OutOfMemoryError: ([^\\r\\n]{1,200})$");

    JvmExit {
        Objects.requireNonNull(stderr, "stderr must not be null");
        Objects.requireNonNull(outOfMemory, "outOfMemory must not be null");
    }

    /** Reads how the JVM ended from its exit status and standard error. */
    static JvmExit of(int exitCode, String stderr) {
        Matcher m = TERMINATING.matcher(stderr);
        Optional<String> reason = exitCode == OUT_OF_MEMORY_STATUS && m.find()
                ? Optional.of(m.group(1).strip())
                : Optional.empty();
        return new JvmExit(exitCode, stderr, reason);
    }

    /** What happened, in plain words, ending in {@code when} (e.g. "during this test"). */
    String describe(String when, int heapLimitMb) {
        String what = outOfMemory
                .map(reason -> "the test JVM ran out of memory (java.lang.OutOfMemoryError: " + reason
                        + "; its heap is limited to " + heapLimitMb + " MiB) " + when)
                .orElseGet(() -> "the test JVM stopped" + (exitCode >= 0 ? " with exit code " + exitCode : "") + " " + when);
        return outOfMemory.isPresent() || stderr.isEmpty() ? what : what + "; it printed:\n" + stderr;
    }
}

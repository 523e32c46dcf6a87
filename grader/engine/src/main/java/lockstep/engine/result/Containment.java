package lockstep.engine.result;

import java.util.Objects;
import java.util.Optional;

/**
 * Which layers kept the learner's code in check during grading, so that a course platform can see
 * what this machine gave: some (an OS sandbox, cgroup limits) depend on the machine.
 *
 * @param processSplit learner code ran in child JVMs, never in the grader's own
 * @param staticPolicy the learner's bytecode was checked against the deny-list before it ran
 * @param jvmEncapsulation the test JVMs kept the runner, JUnit, the suites and the JDK's internals
 *     closed to learner code (named modules, Unsafe memory access and native access denied)
 * @param signedChannel the test JVMs reported over an authenticated channel, so forged results are caught
 * @param osSandbox the OS sandbox and what it takes away ({@code <name> (<what it takes away>)}), or
 *     {@code off: <reason>} ({@link #noOsSandbox})
 * @param limits the pids and memory limits on each test JVM's process tree, or {@code unavailable: <reason>}
 */
public record Containment(boolean processSplit, boolean staticPolicy, boolean jvmEncapsulation, boolean signedChannel,
        String osSandbox, String limits) {
    public Containment {
        Objects.requireNonNull(osSandbox, "osSandbox must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
    }

    /** How {@link #osSandbox} reads when there was no OS sandbox: this, then why. */
    private static final String OFF = "off: ";

    /** The {@link #osSandbox} of a grading that had no OS sandbox, for {@code reason}. */
    public static String noOsSandbox(String reason) {
        return OFF + reason;
    }

    /** Why there was no OS sandbox; empty when there was one. */
    public Optional<String> noOsSandboxReason() {
        return osSandbox.startsWith(OFF) ? Optional.of(osSandbox.substring(OFF.length())) : Optional.empty();
    }

    /** The OS sandbox's name without what it takes away (e.g. {@code bubblewrap 0.8.0}); empty when there was none. */
    public Optional<String> osSandboxName() {
        if (noOsSandboxReason().isPresent()) {
            return Optional.empty();
        }
        int details = osSandbox.indexOf(" (");
        return Optional.of(details < 0 ? osSandbox : osSandbox.substring(0, details));
    }

    /** The same layers but the static policy, which a test turned off. */
    public Containment withoutStaticPolicy() {
        return new Containment(processSplit, false, jvmEncapsulation, signedChannel, osSandbox, limits);
    }
}

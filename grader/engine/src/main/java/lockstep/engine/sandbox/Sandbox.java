package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a child JVM runs: turns its plain command into a started process, confined as far as this
 * sandbox can, so that hostile learner code sees as little of the machine as possible.
 * Implementations are immutable and may start many processes at once.
 */
public interface Sandbox {

    /** The folder the confined process works in (its working directory and {@code java.io.tmpdir}). */
    Path workDir(Path hostWorkDir);

    /** Starts {@code launch} confined; closing what it returns kills the whole process tree. */
    Confined start(Launch launch) throws IOException;

    /** What this sandbox does, for reports. */
    Description description();

    /** No confinement beyond a separate process; {@code reason} says why, for reports. */
    static Sandbox none(String reason) {
        return new Unconfined(reason, Limits.none("not applied without a sandbox"), Host.detect());
    }

    /**
     * One process to start.
     *
     * @param command the plain command, {@code java} first
     * @param java the {@code java} launcher the command starts
     * @param readable what the process must read besides the JDK and system libraries: class-path
     *        entries, the class-data archive; visible read-only at the same paths
     * @param hostWorkDir the work folder the grader made for this process
     * @param environment the whole environment of the process
     */
    record Launch(List<String> command, Path java, List<Path> readable, Path hostWorkDir, Map<String, String> environment) {
        public Launch {
            command = List.copyOf(command);
            Objects.requireNonNull(java, "java must not be null");
            readable = List.copyOf(readable);
            Objects.requireNonNull(hostWorkDir, "hostWorkDir must not be null");
            environment = Map.copyOf(environment);
        }
    }

    /**
     * What a sandbox does.
     *
     * @param active whether an OS sandbox confines the process
     * @param summary the sandbox and what it takes away, or why there is none
     * @param limits the pids and memory limits on the whole process tree, or why there are none
     */
    record Description(boolean active, String summary, String limits) {
        public Description {
            Objects.requireNonNull(summary, "summary must not be null");
            Objects.requireNonNull(limits, "limits must not be null");
        }
    }
}

package lockstep.engine.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process started by a {@link Sandbox}; {@link #close()} kills it with every process it started,
 * then frees what the sandbox held for it.
 */
public final class Confined implements AutoCloseable {
    private final Process process;
    private final Limits.Group limits;
    private final boolean leadsGroup;

    /** @param leadsGroup whether the process was started as the leader of a {@link ProcessGroup} of its own */
    Confined(Process process, Limits.Group limits, boolean leadsGroup) {
        this.process = process;
        this.limits = limits;
        this.leadsGroup = leadsGroup;
    }

    /**
     * Starts {@code launch}'s command behind {@code wrapper} (a sandbox's own command, or a
     * {@code setsid}), in cgroups of {@code limits}, with only the launch's environment.
     */
    static Confined start(Limits limits, List<String> wrapper, Sandbox.Launch launch, boolean leadsGroup) throws IOException {
        Limits.Group group = limits.open();
        try {
            List<String> command = new ArrayList<>(group.prefix());
            command.addAll(wrapper);
            command.addAll(launch.command());
            ProcessBuilder builder = new ProcessBuilder(command).directory(launch.hostWorkDir().toFile());
            builder.environment().clear();
            builder.environment().putAll(launch.environment());
            return new Confined(builder.start(), group, leadsGroup);
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /** The started process: under bubblewrap, {@code bwrap} itself, whose death ends everything inside. */
    public Process process() {
        return process;
    }

    /**
     * Kills the process tree: its descendants as the operating system still knows them, the process,
     * anything left in its process group, and then anything left in its cgroups, orphans included.
     */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (leadsGroup) {
            ProcessGroup.killMembers(process.pid());
        }
        limits.close();
    }
}

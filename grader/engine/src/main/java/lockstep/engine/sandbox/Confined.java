package lockstep.engine.sandbox;

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

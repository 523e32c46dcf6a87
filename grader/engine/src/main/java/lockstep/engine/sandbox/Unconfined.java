package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * No OS sandbox: the child runs as a plain process with the grader's user, sees the whole file
 * system and network, and is stopped by killing its descendants and its {@link ProcessGroup}: a
 * process that left the tree before the kill (a double fork re-parents it to init) is still in the
 * group unless it left that too, and in the cgroups where {@link Limits} put the tree. Without a
 * process group ({@code setsid} or {@code /proc} missing, as on macOS and Windows) the description
 * says so.
 */
final class Unconfined implements Sandbox {
    private final String reason;
    private final Limits limits;
    private final ProcessGroup group;

    Unconfined(String reason, Limits limits, Host host) {
        this.reason = reason;
        this.limits = limits;
        this.group = new ProcessGroup(host);
    }

    @Override
    public Path workDir(Path hostWorkDir) {
        return hostWorkDir;
    }

    @Override
    public Confined start(Launch launch) throws IOException {
        return Confined.start(limits, group.prefix(), launch, group.available());
    }

    /** Why there is no OS sandbox, and, where the process group fell back too, that and what it costs. */
    @Override
    public Description description() {
        String fallback = group.unavailable().map(why -> "; no process group (" + why + "), so "
                + (limits.active() ? "only the cgroups catch" : "nothing catches") + " a process the tests start and orphan")
                .orElse("");
        return new Description(false, lockstep.engine.result.Containment.noOsSandbox(reason + fallback), limits.description());
    }
}

package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * No OS sandbox: the child runs as a plain process with the grader's user, sees the whole file
 * system and network, and is stopped by killing its descendants and its {@link ProcessGroup}: a
 * process that left the tree before the kill (a double fork re-parents it to init) is still in the
 * group unless it left that too, and in the cgroups where {@link Limits} put the tree.
 */
final class Unconfined implements Sandbox {
    private final String reason;
    private final Limits limits;

    Unconfined(String reason, Limits limits) {
        this.reason = reason;
        this.limits = limits;
    }

    @Override
    public Path workDir(Path hostWorkDir) {
        return hostWorkDir;
    }

    @Override
    public Confined start(Launch launch) throws IOException {
        return Confined.start(limits, ProcessGroup.prefix(), launch, ProcessGroup.available());
    }

    @Override
    public Description description() {
        return new Description(false, lockstep.engine.result.Containment.noOsSandbox(reason), limits.description());
    }
}

package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Limits.Group group = limits.open();
        try {
            List<String> command = new ArrayList<>(group.prefix());
            command.addAll(ProcessGroup.prefix());
            command.addAll(launch.command());
            ProcessBuilder builder = new ProcessBuilder(command).directory(launch.hostWorkDir().toFile());
            builder.environment().clear();
            builder.environment().putAll(launch.environment());
            return new Confined(builder.start(), group, ProcessGroup.available());
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    @Override
    public Description description() {
        return new Description(false, "off: " + reason, limits.description());
    }
}

package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * How a grader running as root starts {@code bwrap} as user {@code nobody}, with {@code setpriv}:
 * the test JVM is then nobody on the host too, not root without capabilities, so a file that the
 * sandbox failed to hide would still be guarded by its permissions. bwrap then needs unprivileged
 * user namespaces, and nobody must be able to read everything bound into the sandbox.
 *
 * @param prefix what goes before {@code bwrap} on its command line; empty for no drop
 */
record UserDrop(List<String> prefix) {
    static final UserDrop NONE = new UserDrop(List.of());
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    UserDrop {
        prefix = List.copyOf(prefix);
    }

    /** Whether bwrap runs as nobody. */
    boolean active() {
        return !prefix.isEmpty();
    }

    /** The drop to nobody, when this process is root and setpriv is there; else {@link #NONE}. */
    static UserDrop forThisProcess() {
        if (!Files.isExecutable(SETPRIV) || !Identity.isRoot()) {
            return NONE;
        }
        String nobody = String.valueOf(Bubblewrap.NOBODY);
        return new UserDrop(List.of(SETPRIV.toString(), "--reuid=" + nobody, "--regid=" + nobody, "--clear-groups", "--"));
    }

    /**
     * Whether another user can read {@code path}: every folder above it lets others in, and it lets
     * others read it (and enter it, if a folder). A missing path counts as readable: nothing to bind.
     */
    static boolean readableByOthers(Path path) {
        try {
            Path real = path.toAbsolutePath().normalize();
            if (!Files.exists(real)) {
                return true;
            }
            real = real.toRealPath();
            Set<PosixFilePermission> own = Files.getPosixFilePermissions(real);
            if (!own.contains(PosixFilePermission.OTHERS_READ)
                    || (Files.isDirectory(real) && !own.contains(PosixFilePermission.OTHERS_EXECUTE))) {
                return false;
            }
            for (Path p = real.getParent(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}

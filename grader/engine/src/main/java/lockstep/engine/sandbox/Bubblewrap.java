package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child confined by bubblewrap ({@code bwrap}): new user, PID, network, IPC, UTS and cgroup
 * namespaces, so it runs as user {@code nobody} (uid 65534 inside its user namespace, mapped to
 * the user that started bwrap outside it: when the grader runs as root, bwrap itself is started
 * as nobody where {@link UserDrop} can, and is otherwise root on the host without capabilities),
 * sees only its own processes, and has no network but loopback. Its
 * file system is an empty read-only root with read-only binds of {@code /usr} (and the
 * {@code /lib*}, {@code /bin} links), the JDK, and exactly the class-path entries and archive it
 * is given; a read-only minimal {@code /dev}; no {@code /proc} and no {@code /etc}; and a
 * size-capped tmpfs as its working folder and {@code java.io.tmpdir}. Killing {@code bwrap}
 * ends every process inside: the namespace's init dies, and the kernel kills the rest.
 *
 * <p>Without {@code /proc} the dynamic loader cannot resolve the launcher's {@code $ORIGIN}, so
 * the JDK's {@code lib} folder is given as {@code LD_LIBRARY_PATH}.
 */
final class Bubblewrap implements Sandbox {
    /** The working folder inside the sandbox. */
    static final Path WORK = Path.of("/tmp");
    static final int NOBODY = 65534;
    private static final List<String> SYSTEM_LINKS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final Path bwrap;
    private final String version;
    private final long tmpBytes;
    private final Limits limits;
    private final UserDrop drop;

    Bubblewrap(Path bwrap, String version, long tmpBytes, Limits limits, UserDrop drop) {
        this.bwrap = bwrap;
        this.version = version;
        this.tmpBytes = tmpBytes;
        this.limits = limits;
        this.drop = drop;
    }

    /** The same sandbox without the drop to nobody. */
    Bubblewrap withoutDrop() {
        return new Bubblewrap(bwrap, version, tmpBytes, limits, UserDrop.NONE);
    }

    @Override
    public Path workDir(Path hostWorkDir) {
        return WORK;
    }

    @Override
    public Confined start(Launch launch) throws IOException {
        // What nobody cannot read could not be bound: such a launch runs as root without capabilities.
        Bubblewrap self = drop.active() && !launch.readable().stream().allMatch(UserDrop::readableByOthers) ? withoutDrop() : this;
        return Confined.start(limits, self.arguments(javaHome(launch.java()), launch.readable()), launch, false);
    }

    /** {@code bwrap} and its options, up to and including {@code --}, for a JDK at {@code javaHome}. */
    List<String> arguments(Path javaHome, List<Path> readable) throws IOException {
        List<String> args = new ArrayList<>(drop.prefix());
        args.addAll(List.of(bwrap.toString(),
                "--unshare-all", "--unshare-user", "--uid", String.valueOf(NOBODY), "--gid", String.valueOf(NOBODY),
                "--hostname", "lockstep", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--ro-bind", "/usr", "/usr"));
        for (String link : SYSTEM_LINKS) {
            Path path = Path.of(link);
            if (Files.isSymbolicLink(path)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), link));
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", link, link));
            }
        }
        args.addAll(List.of("--dev", "/dev", "--remount-ro", "/dev"));
        if (!javaHome.startsWith("/usr")) {
            args.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        args.addAll(List.of("--size", String.valueOf(tmpBytes), "--tmpfs", WORK.toString()));
        for (Path path : readable) {
            String p = path.toAbsolutePath().normalize().toString();
            args.addAll(List.of("--ro-bind-try", p, p));
        }
        args.addAll(List.of("--remount-ro", "/", "--chdir", WORK.toString(),
                "--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib").toString(), "--"));
        return args;
    }

    /** The JDK home of a {@code java} launcher, links resolved: binds must name real folders. */
    static Path javaHome(Path java) throws IOException {
        return java.toRealPath().getParent().getParent();
    }

    @Override
    public Description description() {
        String user = drop.active() ? "user nobody, on the host too"
                : Identity.isRoot() ? "user nobody mapped to root without capabilities" : "user nobody";
        return new Description(true, version + " (no network but loopback, no /proc, pid namespace, " + user + ", "
                + (tmpBytes >> 20) + " MiB tmp, read-only JDK and classes)", limits.description());
    }
}

package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Pids and memory limits on a child's whole process tree, through a cgroup (v1 {@code pids} and
 * {@code memory} controllers) made for each child under the grader's own cgroups, where the
 * machine lets the grader make one. A thread bomb then stops at {@code pids.max} and endless
 * allocation outside the heap (threads, direct buffers, native memory) at the memory limit,
 * whatever the JVM's own caps miss. Where cgroups cannot be made (cgroup v2 without a delegated
 * subtree, no write access, no cgroups or {@code /proc} at all as on macOS and Windows),
 * {@link #none(String)} says why.
 */
public final class Limits {
    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Joins the cgroups given first, then runs the rest: {@code sh -c SCRIPT name N procs... command...}. */
    private static final String JOIN = "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ >\"$1\" || exit 125; shift; n=$((n-1)); done; exec \"$@\"";

    private final String description;
    private final List<Controller> controllers;

    private Limits(String description, List<Controller> controllers) {
        this.description = description;
        this.controllers = List.copyOf(controllers);
    }

    /** One writable cgroup v1 controller: where the grader's own cgroup is, and the limit to write. */
    private record Controller(Path parent, String file, String value) {}

    /** No limits; {@code reason} says why, for reports. */
    public static Limits none(String reason) {
        return new Limits("unavailable: " + reason, List.of());
    }

    /**
     * Limits of at most {@code maxPids} tasks (processes and threads) and {@code maxMemoryBytes}
     * of memory per child, if a trial cgroup can be made and limited here now; otherwise none, with
     * the reason.
     */
    public static Limits probe(int maxPids, long maxMemoryBytes) {
        return probe(Host.detect(), maxPids, maxMemoryBytes);
    }

    /** As {@link #probe(int, long)} on {@code host}: none where it has no {@code /proc} or no cgroups. */
    public static Limits probe(Host host, int maxPids, long maxMemoryBytes) {
        if (!host.proc()) {
            return none("no /proc, where the grader finds its own cgroups");
        }
        if (!host.cgroups()) {
            return none("no cgroups on this system");
        }
        List<String> own;
        List<String> mounts;
        try {
            own = Files.readAllLines(Path.of("/proc/self/cgroup"));
            mounts = Files.readAllLines(Path.of("/proc/self/mounts"));
        } catch (IOException | RuntimeException e) {
            return none("cannot read /proc/self/cgroup (" + e.getMessage() + ")");
        }
        Optional<Path> pids = v1(own, mounts, "pids");
        Optional<Path> memory = v1(own, mounts, "memory");
        if (pids.isEmpty() && memory.isEmpty()) {
            return none(mounts.stream().anyMatch(m -> m.split(" ").length > 2 && m.split(" ")[2].equals("cgroup2"))
                    ? "only cgroup v2 here, and Lockstep does not use a delegated cgroup v2 subtree yet"
                    : "no cgroup pids or memory controller is mounted");
        }
        List<Controller> controllers = new ArrayList<>();
        List<String> said = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        pids.ifPresent(p -> trial(new Controller(p, "pids.max", String.valueOf(maxPids)), controllers, said, refused,
                "pids " + maxPids, "pids"));
        memory.ifPresent(p -> trial(new Controller(p, "memory.limit_in_bytes", String.valueOf(maxMemoryBytes)), controllers,
                said, refused, "memory " + (maxMemoryBytes >> 20) + " MiB", "memory"));
        if (controllers.isEmpty()) {
            return none("cannot make a cgroup (" + String.join("; ", refused) + ")");
        }
        String text = "cgroup v1: " + String.join(", ", said) + " per test JVM"
                + (refused.isEmpty() ? "" : " (unavailable: " + String.join("; ", refused) + ")");
        return new Limits(text, controllers);
    }

    /**
     * Removes the empty cgroups a grader that was killed left behind under {@code parent}: only
     * Lockstep's own, only when their grader is gone (the kernel refuses to remove a busy one).
     */
    private static void removeStale(Path parent) {
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path dir : dirs.toList()) {
                java.util.regex.Matcher name = java.util.regex.Pattern.compile("lockstep-(?:probe-)?(\\d+)(?:-\\d+)?")
                        .matcher(dir.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty() && Files.isDirectory(dir)) {
                    try {
                        Files.delete(dir);
                    } catch (IOException e) {
                        // Still holds processes, or not ours to remove: left alone.
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Nothing to clean, or no access: the trial below says so.
        }
    }

    private static void trial(Controller controller, List<Controller> ok, List<String> said, List<String> refused, String what,
            String name) {
        removeStale(controller.parent());
        Path dir = controller.parent().resolve("lockstep-probe-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(dir);
            try {
                Files.writeString(dir.resolve(controller.file()), controller.value());
            } finally {
                Files.delete(dir);
            }
            ok.add(controller);
            said.add(what);
        } catch (java.nio.file.AccessDeniedException e) {
            refused.add(name + ": no write access to " + controller.parent());
        } catch (IOException | RuntimeException e) {
            refused.add(name + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** The folder of the grader's own cgroup of {@code controller}, if that controller is mounted as cgroup v1. */
    private static Optional<Path> v1(List<String> own, List<String> mounts, String controller) {
        Optional<String> path = own.stream().map(l -> l.split(":", 3)).filter(f -> f.length == 3)
                .filter(f -> List.of(f[1].split(",")).contains(controller)).map(f -> f[2]).findFirst();
        Optional<String> mount = mounts.stream().map(l -> l.split(" ")).filter(f -> f.length > 3 && f[2].equals("cgroup"))
                .filter(f -> List.of(f[3].split(",")).contains(controller)).map(f -> f[1]).findFirst();
        if (path.isEmpty() || mount.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Path.of(mount.get(), path.get().replaceFirst("^/", ""));
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** What the limits are, or why there are none. */
    public String description() {
        return description;
    }

    /** Whether any limit is applied. */
    public boolean active() {
        return !controllers.isEmpty();
    }

    /** Makes the cgroups of one child; its command must start with {@link Group#prefix()}. */
    Group open() throws IOException {
        List<Path> dirs = new ArrayList<>();
        String name = "lockstep-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        try {
            for (Controller c : controllers) {
                Path dir = Files.createDirectory(c.parent().resolve(name));
                dirs.add(dir);
                Files.writeString(dir.resolve(c.file()), c.value());
            }
        } catch (IOException e) {
            new Group(dirs).close();
            throw e;
        }
        return new Group(dirs);
    }

    /** The cgroups of one child. */
    static final class Group implements AutoCloseable {
        private final List<Path> dirs;

        private Group(List<Path> dirs) {
            this.dirs = List.copyOf(dirs);
        }

        /** What the command starts with: a shell that joins the cgroups, then runs the rest in place. */
        List<String> prefix() {
            if (dirs.isEmpty()) {
                return List.of();
            }
            List<String> prefix = new ArrayList<>(List.of("/bin/sh", "-c", JOIN, "lockstep-limits", String.valueOf(dirs.size())));
            dirs.forEach(d -> prefix.add(d.resolve("cgroup.procs").toString()));
            return prefix;
        }

        /** Kills every process still in the cgroups (orphans included), then removes them. */
        @Override
        public void close() {
            for (int attempt = 0; attempt < 50 && dirs.stream().anyMatch(Files::isDirectory); attempt++) {
                for (Path dir : dirs) {
                    members(dir).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException e) {
                        // Still busy: a killed process is not gone yet. Tried again below.
                    }
                }
                if (dirs.stream().anyMatch(Files::isDirectory)) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private static List<Long> members(Path dir) {
            try (Stream<String> lines = Files.lines(dir.resolve("cgroup.procs"))) {
                return lines.filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.strip())).toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }
}

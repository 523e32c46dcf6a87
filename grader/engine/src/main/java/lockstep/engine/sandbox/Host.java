package lockstep.engine.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What this machine offers for containing test JVMs. Each piece may be missing: macOS and Windows
 * have none of them, a container may lack some. Grading then falls back and the containment line
 * says what fell back and why ({@link Detection}, {@link Limits#probe(Host, int, long)},
 * {@link ProcessGroup}). {@link #detect()} looks at the machine; tests report pieces missing on
 * a machine that has them.
 *
 * @param setsid the {@code setsid} program, which starts an unconfined test JVM as the leader of a
 *     process group of its own
 * @param bwrap bubblewrap's {@code bwrap}, the OS sandbox
 * @param proc whether {@code /proc} is there: bwrap, a process group's member list and the
 *     grader's own cgroups are read from it
 * @param cgroups whether the kernel has cgroups ({@code /proc/self/cgroup}), for the pids and memory limits
 */
public record Host(Optional<Path> setsid, Optional<Path> bwrap, boolean proc, boolean cgroups) {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path PROC = Path.of("/proc");

    /** This machine as it is: {@code bwrap} on the {@code PATH} or in {@code /usr/bin}. */
    public static Host detect() {
        return detect(Detection.candidates(System.getenv("PATH")));
    }

    /** This machine, looking for {@code bwrap} at {@code bwrapCandidates} only (the first executable one). */
    public static Host detect(List<Path> bwrapCandidates) {
        boolean proc = Files.isDirectory(PROC.resolve("self"));
        return new Host(Optional.of(SETSID).filter(Files::isExecutable), bwrapCandidates.stream().filter(Files::isExecutable).findFirst(),
                proc, proc && Files.isRegularFile(PROC.resolve("self").resolve("cgroup")));
    }

    /** The same machine without {@code setsid}. */
    public Host withoutSetsid() {
        return new Host(Optional.empty(), bwrap, proc, cgroups);
    }

    /** The same machine without bubblewrap. */
    public Host withoutBubblewrap() {
        return new Host(setsid, Optional.empty(), proc, cgroups);
    }

    /** The same machine without cgroups. */
    public Host withoutCgroups() {
        return new Host(setsid, bwrap, proc, false);
    }

    /** The same machine without {@code /proc} (its cgroups, if any, are then out of reach too). */
    public Host withoutProc() {
        return new Host(setsid, bwrap, false, cgroups);
    }
}

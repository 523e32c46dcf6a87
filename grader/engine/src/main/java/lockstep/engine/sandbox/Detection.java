package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chooses the sandbox for this machine, once per grader: bubblewrap when {@code bwrap} is on the
 * {@code PATH} or in {@code /usr/bin} and the JDK actually starts confined ({@code java -version};
 * a laptop without user namespaces, or a container that forbids them, fails here), otherwise
 * none, keeping the reason for the report. Costs one confined {@code java -version}, a few tenths
 * of a second. What the machine has ({@code setsid}, bwrap, cgroups, {@code /proc}) is a {@link Host}:
 * where a piece is missing, grading falls back and the sandbox's description says so.
 */
public final class Detection {
    /** The size cap of the sandbox's tmpfs. */
    public static final long TMP_BYTES = 32L << 20;
    /**
     * At most this many tasks (processes and threads) per test JVM, where cgroups allow: above the
     * 10,000 platform threads a learner's one-thread-per-task mistake starts (which must cost only
     * the test that looks for it), and low enough that two test JVMs cannot use up a default
     * {@code pid_max} of 32768.
     */
    public static final int MAX_PIDS = 12 * 1024;
    /** At most this much memory per test JVM and its children, where cgroups allow. */
    public static final long MAX_MEMORY_BYTES = 1024L << 20;
    private static final long PROBE_SECONDS = 10;

    private Detection() {}

    /**
     * The sandbox {@code mode} asks for, for test JVMs started with {@code java}.
     *
     * @throws SandboxUnavailableException when {@code mode} is {@link SandboxMode#REQUIRED} and none is usable
     */
    public static Sandbox detect(SandboxMode mode, Path java) {
        return detect(mode, java, Host.detect());
    }

    /** As {@link #detect(SandboxMode, Path)}, on {@code host} rather than this machine as it is. */
    public static Sandbox detect(SandboxMode mode, Path java, Host host) {
        return detect(mode, java, host, Limits.probe(host, MAX_PIDS, MAX_MEMORY_BYTES), UserDrop.forThisProcess(), List.of());
    }

    /** As {@link #detect(SandboxMode, Path)}, looking for {@code bwrap} at {@code bwrapCandidates} only. */
    public static Sandbox detect(SandboxMode mode, Path java, List<Path> bwrapCandidates) {
        return detect(mode, java, Host.detect(bwrapCandidates));
    }

    /** As {@link #detect(SandboxMode, Path, List)}, with these limits rather than the usual ones. */
    public static Sandbox detect(SandboxMode mode, Path java, List<Path> bwrapCandidates, Limits limits) {
        return detect(mode, java, Host.detect(bwrapCandidates), limits, UserDrop.forThisProcess(), List.of());
    }

    /**
     * The sandbox {@code mode} asks for, for test JVMs that read {@code readable} (their class
     * path and archive): a grader running as root starts bwrap as nobody only when nobody can read
     * all of it, the JDK too.
     */
    public static Sandbox forTestJvms(SandboxMode mode, Path java, List<Path> readable) {
        return forTestJvms(mode, java, readable, Host.detect());
    }

    /** As {@link #forTestJvms(SandboxMode, Path, List)}, on {@code host} rather than this machine as it is. */
    public static Sandbox forTestJvms(SandboxMode mode, Path java, List<Path> readable, Host host) {
        return detect(mode, java, host, Limits.probe(host, MAX_PIDS, MAX_MEMORY_BYTES), UserDrop.forThisProcess(), readable);
    }

    static Sandbox detect(SandboxMode mode, Path java, Host host, Limits limits, UserDrop drop, List<Path> readable) {
        if (mode == SandboxMode.OFF) {
            return new Unconfined("--sandbox=off was given", limits, host);
        }
        String reason;
        if (host.bwrap().isEmpty()) {
            reason = "bwrap not found (install the bubblewrap package)";
        } else if (!host.proc()) {
            reason = "no /proc, which bwrap needs";
        } else {
            Bubblewrap sandbox = new Bubblewrap(host.bwrap().get(), version(host.bwrap().get()), TMP_BYTES, limits, drop);
            if (drop.active() && !nobodyCanRead(java, readable)) {
                sandbox = sandbox.withoutDrop();
            }
            Optional<String> failure = probe(sandbox, java);
            if (failure.isPresent() && drop.active()) {
                // bwrap as nobody needs unprivileged user namespaces; as root it does not.
                sandbox = sandbox.withoutDrop();
                failure = probe(sandbox, java);
            }
            if (failure.isEmpty()) {
                return sandbox;
            }
            reason = "bwrap cannot confine a process here: " + failure.get();
        }
        if (mode == SandboxMode.REQUIRED) {
            throw new SandboxUnavailableException("an OS sandbox is required, but " + reason);
        }
        return new Unconfined(reason, limits, host);
    }

    private static boolean nobodyCanRead(Path java, List<Path> readable) {
        try {
            return UserDrop.readableByOthers(Bubblewrap.javaHome(java)) && readable.stream().allMatch(UserDrop::readableByOthers);
        } catch (IOException e) {
            return false;
        }
    }

    /** Where to look for {@code bwrap}: every folder of {@code path} (a {@code PATH} value), then {@code /usr/bin}. */
    public static List<Path> candidates(String path) {
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "bwrap"));
                }
            }
        }
        candidates.add(Path.of("/usr/bin/bwrap"));
        return candidates;
    }

    /** Runs {@code java -version} confined as test JVMs will be; empty when it worked, else what went wrong. */
    static Optional<String> probe(Bubblewrap sandbox, Path java) {
        try {
            Path home = Bubblewrap.javaHome(java);
            Path work = Files.createTempDirectory("lockstep-probe-");
            try {
                List<String> command = new ArrayList<>(sandbox.arguments(home, List.of()));
                command.addAll(List.of(java.toRealPath().toString(), "-Xmx16m", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                        "-XX:TieredStopAtLevel=1", "-version"));
                Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                byte[] said = process.getInputStream().readNBytes(2000);
                if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.of("a confined java -version did not finish in " + PROBE_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    String text = new String(said, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", " / ");
                    return Optional.of("exit code " + process.exitValue() + ": " + text.substring(0, Math.min(300, text.length())));
                }
                return Optional.empty();
            } finally {
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static String version(Path bwrap) {
        try {
            Process process = new ProcessBuilder(bwrap.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readNBytes(200), StandardCharsets.UTF_8).strip();
            process.waitFor(5, TimeUnit.SECONDS);
            return out.isEmpty() ? "bubblewrap" : out;
        } catch (IOException e) {
            return "bubblewrap";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "bubblewrap";
        }
    }
}

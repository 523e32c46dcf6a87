package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process group of its own for an unconfined child, where the {@link Host} has {@code setsid}
 * and {@code /proc} (Linux): a process the learner's code started stays in the group even after
 * the JVM died (halted, say) and it was handed to init, when it is no longer the JVM's descendant.
 * Elsewhere (macOS, Windows) the child is started as it is, and {@link #unavailable()} says why.
 */
final class ProcessGroup {
    private static final Path PROC = Path.of("/proc");

    private final Host host;

    ProcessGroup(Host host) {
        this.host = host;
    }

    /** Why this machine cannot start a process as the leader of a new group and list the group's members; empty if it can. */
    Optional<String> unavailable() {
        List<String> missing = new ArrayList<>();
        if (host.setsid().isEmpty()) {
            missing.add("setsid not found");
        }
        if (!host.proc()) {
            missing.add("no /proc");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    /** Whether this machine can start a process as the leader of a new group and list a group's members. */
    boolean available() {
        return unavailable().isEmpty();
    }

    /** What to put before a command so that it leads a new group; setsid execs it in place (same pid). */
    List<String> prefix() {
        return available() ? List.of(host.setsid().orElseThrow().toString()) : List.of();
    }

    /** Kills every process left in the group {@code leader} led, but the leader itself; only where {@link #available()}. */
    static void killMembers(long leader) {
        // Linux does not reuse a pid while a group of that number has members, so these are the child's.
        ProcessHandle.allProcesses().filter(p -> p.pid() != leader && groupOf(p.pid()) == leader)
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** The process group of {@code pid} from /proc/PID/stat ("pid (name) state ppid pgrp ..."); -1 if unknown. */
    private static long groupOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

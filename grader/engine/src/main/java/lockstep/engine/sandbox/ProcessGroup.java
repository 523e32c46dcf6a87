package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process group of its own for an unconfined child, where {@code setsid} and {@code /proc}
 * exist (Linux): a process the learner's code started stays in the group even after the JVM died
 * (halted, say) and it was handed to init, when it is no longer the JVM's descendant.
 */
final class ProcessGroup {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path PROC = Path.of("/proc");

    private ProcessGroup() {}

    /** Whether this machine can start a process as the leader of a new group and list a group's members. */
    static boolean available() {
        return Files.isExecutable(SETSID) && Files.isDirectory(PROC);
    }

    /** What to put before a command so that it leads a new group; setsid execs it in place (same pid). */
    static List<String> prefix() {
        return available() ? List.of(SETSID.toString()) : List.of();
    }

    /** Kills every process left in the group {@code leader} led, but the leader itself. */
    static void killMembers(long leader) {
        if (!available()) {
            return;
        }
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

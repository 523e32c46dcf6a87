package lockstep.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lockstep.batch.output.Verdict;
import lockstep.engine.report.JsonReport;

/**
 * Grades each submission in a grader process of its own, with the very command line the
 * {@code grade} script runs ({@code java -cp "$LOCKSTEP_HOME/lib/*" lockstep.cli.Main --submission S
 * --json F [EXERCISE...]}), so that whatever goes wrong while grading one submission (a compile
 * bomb's stray thread, a grader crash, memory run out) costs that submission only, and each is
 * graded exactly as {@code ./grade} alone grades it.
 *
 * <p>The child gets the hidden {@code --die-with-stdin}: it halts, with its test JVMs, when its
 * standard input ends. The batch keeps that pipe open while the child runs, and the operating
 * system closes it when the batch dies however it dies (kill -9 included), so no grader outlives
 * the batch. Exit status 2 (the submission cannot be read) makes the submission
 * {@link Verdict#UNREADABLE}; any other failure, or overrunning {@link Launch#limit()}, makes it
 * {@link Verdict#FAILED}.
 */
public final class ChildGrader implements Grading {
    /** The hidden option of {@code lockstep.cli.Main} that makes it halt when its standard input ends. */
    public static final String DIE_WITH_STDIN = "--die-with-stdin";

    /**
     * How to start a child grader.
     *
     * @param java the {@code java} launcher (the batch's own JDK)
     * @param jvmOptions the grader JVM's options, those the {@code grade} script gave the batch's own JVM
     *        ({@link #inheritedJvmOptions()}): one list, kept in the script only
     * @param home the installation ({@code lockstep.home}), whose {@code lib/} is the class path
     * @param repo the course repository ({@code lockstep.repo})
     * @param sandbox {@code --sandbox}, passed on
     * @param exercises the exercises to grade; empty for all
     * @param limit how long one child may take before it is killed and the submission recorded as failed
     */
    public record Launch(Path java, List<String> jvmOptions, Path home, Path repo, String sandbox, List<String> exercises,
            Duration limit) {
        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
            exercises = List.copyOf(exercises);
        }
    }

    /**
     * This JVM's options as its launcher gave them, for a child grader: without the {@code lockstep.*}
     * properties (the child gets its own) and without writing the class-data archive (children only read it).
     */
    public static List<String> inheritedJvmOptions() {
        return inherited(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** {@code own}, a JVM's options, as a child grader takes them. */
    static List<String> inherited(List<String> own) {
        return own.stream().filter(o -> !o.startsWith("-Dlockstep.") && !o.equals("-XX:+AutoCreateSharedArchive")).toList();
    }

    private final Launch launch;

    public ChildGrader(Launch launch) {
        this.launch = launch;
    }

    /** The command line of one child grader. */
    public List<String> command(Path submission, Path json) {
        List<String> command = new ArrayList<>(List.of(launch.java().toString()));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-Dlockstep.home=" + launch.home(), "-Dlockstep.repo=" + launch.repo(), "-Dlockstep.tty=false",
                "-cp", launch.home().resolve("lib") + "/*", "lockstep.cli.Main", DIE_WITH_STDIN, "--sandbox=" + launch.sandbox(),
                "--submission", submission.toString(), "--json", json.toString()));
        command.addAll(launch.exercises());
        return command;
    }

    @Override
    public Outcome grade(Path submission, Path work) throws InterruptedException {
        long start = System.nanoTime();
        Path json = work.resolve("results.json");
        Path out = work.resolve("grader-out.txt");
        Path err = work.resolve("grader-err.txt");
        ProcessBuilder builder = new ProcessBuilder(command(submission, json)).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Outcome.failed("the grader could not be started: " + e.getMessage(), millisSince(start));
        }
        // Held open while the child runs: when the batch dies, the system closes it and the child halts.
        OutputStream lifeline = process.getOutputStream();
        try {
            if (!process.waitFor(launch.limit().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return Outcome.failed("the grader took longer than " + launch.limit().toSeconds() + " s and was stopped",
                        millisSince(start));
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        } finally {
            try {
                lifeline.close();
            } catch (IOException e) {
                // The child has ended; nothing reads the pipe.
            }
        }
        int exit = process.exitValue();
        if (exit == 0) {
            try {
                return Outcome.graded(JsonReport.read(json), millisSince(start));
            } catch (IOException | RuntimeException e) {
                return Outcome.failed("the grader ended well but its results cannot be read: " + e.getMessage(), millisSince(start));
            }
        }
        if (exit == 2) {
            return Outcome.unreadable(message(err), millisSince(start));
        }
        return Outcome.failed("the grader exited with status " + exit + ": " + message(err), millisSince(start));
    }

    /** What the child said last on standard error: its {@code grade: ...} line, else its last line. */
    static String message(Path err) {
        String tail;
        try (RandomAccessFile file = new RandomAccessFile(err.toFile(), "r")) {
            long from = Math.max(0, file.length() - 8192);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            tail = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(its error output cannot be read)";
        }
        List<String> lines = tail.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("grade: ")) {
                return lines.get(i).substring("grade: ".length());
            }
        }
        return lines.isEmpty() ? "(it printed nothing)" : lines.get(lines.size() - 1);
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

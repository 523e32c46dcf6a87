package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for an acceptance test: a tmux server of the test's own (its own socket) running
 * one command in a session {@code w}, whose screen the test reads. Closing it kills the server.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final Path stderr;

    private Tmux(String socket, Path stderr) {
        this.socket = socket;
        this.stderr = stderr;
    }

    /** Whether tmux runs on this machine. */
    static boolean works() {
        try {
            Process version = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Runs {@code command} (shell commands) in a terminal {@code columns} wide and 150 lines high.
     *
     * @param stderr where the commands write their standard error, shown when a wait fails
     */
    static Tmux start(String name, int columns, String command, Path stderr) throws IOException, InterruptedException {
        Tmux tmux = new Tmux("lockstep-" + name + "-" + ProcessHandle.current().pid(), stderr);
        tmux.run("new-session", "-d", "-s", "w", "-x", String.valueOf(columns), "-y", "150", "{ " + command + "; } 2>" + stderr);
        return tmux;
    }

    /** Polls the screen until {@code done} holds; fails, with the screen and the command's stderr, after {@code seconds}. */
    String awaitScreen(Predicate<String> done, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (done.test(screen)) {
                return screen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("waited " + seconds + " s for " + what + "; the screen:\n" + screen + "\nstderr:\n"
                + (Files.exists(stderr) ? Files.readString(stderr) : ""));
    }

    /** What the terminal shows, leading and trailing blank lines and spaces dropped. */
    String screen() throws IOException, InterruptedException {
        Process capture = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", "w").redirectErrorStream(true).start();
        String text = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        capture.waitFor(30, TimeUnit.SECONDS);
        return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    /** Runs a tmux command on this server, and fails when it fails. */
    void run(String... args) throws IOException, InterruptedException {
        assertThat(quietly(args)).as("tmux %s", String.join(" ", args)).isTrue();
    }

    /** Runs a tmux command on this server; whether it exited with 0. */
    boolean quietly(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putIfAbsent("TERM", "xterm-256color");
        builder.environment().remove("TMUX");
        // A learner's own terminal: what a CI machine sets to turn ANSI codes off (Setup.ansi) stays out of it.
        builder.environment().remove("CI");
        builder.environment().remove("NO_COLOR");
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        quietly("kill-server");
    }
}

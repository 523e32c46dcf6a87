package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade watch} in a real terminal: tmux runs it on a copy of the mutex template made in the
 * test's own folder; the test reads the screen, saves the reference solution over the template, and
 * reads the screen again; then Ctrl-C. Prints how long the watch took to react to the save (it
 * asserts no speed: this may run on a busy machine). Skipped where tmux is missing ({@code ./grade
 * selftest} installs it as root on Debian).
 */
@Timeout(600)
class WatchModeTest {
    @TempDir
    Path dir;

    @Test
    void gradesAtOnceThenAgainOnASaveAndMovesOnAtFullMarks() throws Exception {
        assumeTrue(Tmux.works(), "no tmux on PATH: ./grade selftest installs it as root on Debian (apt-get install tmux)");
        Path submission = dir.resolve("submission");
        Path mutex = Files.createDirectories(submission.resolve("ch10/mutex"));
        for (String file : List.of("Mutex.java", "Counter.java")) {
            Files.copy(Course.REPO.resolve("templates/ch10/mutex").resolve(file), mutex.resolve(file));
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        // The grader's own work folders go under this test's folder too, to check that Ctrl-C leaves none behind.
        String command = "JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=" + work + " bash " + Course.REPO.resolve("grade")
                + " watch mutex --submission " + submission + " --json " + dir.resolve("results.json");
        try (Tmux tmux = Tmux.start("watch-test", 160, command, dir.resolve("err.txt"))) {
            String first = tmux.awaitScreen(s -> s.contains("Graded at"), 240, "the first grading");
            assertThat(first).startsWith("Watching " + submission + " for saves.")
                    .contains("mutex", "0/", "not implemented yet");

            long saved = System.nanoTime();
            for (String file : List.of("Mutex.java", "Counter.java")) {
                Files.copy(Course.REPO.resolve("solutions/ch10/mutex").resolve(file), mutex.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            tmux.awaitScreen(s -> s.contains("saved: grading mutex"), 60, "the save to be heard");
            long heard = (System.nanoTime() - saved) / 1_000_000;
            String regraded = tmux.awaitScreen(s -> s.contains("mutex is at full marks: on to async-await."), 240, "the grading after the save");
            long verdict = (System.nanoTime() - saved) / 1_000_000;
            String moved = tmux.awaitScreen(s -> s.contains("async-await") && s.contains("Graded at") && !s.contains("grading async-await"),
                    240, "the next exercise's grading");
            System.out.printf("watch: the save was heard within %d ms, its verdict on screen within %d ms of the save%n", heard, verdict);

            assertThat(regraded).contains("mutex is at full marks");
            assertThat(moved).as("the screen was cleared: the template's verdict is gone")
                    .startsWith("Watching " + submission + " for saves.\nmutex is at full marks: on to async-await.")
                    .doesNotContain("not implemented yet").contains("async-await", "missing");

            tmux.run("send-keys", "-t", "w", "C-c");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tmux.quietly("has-session", "-t", "w") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(tmux.quietly("has-session", "-t", "w")).as("Ctrl-C ended the watch").isFalse();
            assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains(work.toString()))).as("no test JVM outlives the watch").isEmpty();
            try (Stream<Path> left = Files.list(work)) {
                assertThat(left.map(Path::getFileName).map(Path::toString).filter(n -> n.startsWith("lockstep-")))
                        .as("the watch's work folders are deleted").isEmpty();
            }
        }
    }
}

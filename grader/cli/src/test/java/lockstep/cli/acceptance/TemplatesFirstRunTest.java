package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's first {@code ./grade}, on the untouched templates, through the real script: its whole
 * text output is pinned by {@code golden/templates-first-run.txt}, so that it changes only on purpose.
 * Every exercise, with nothing begun, is one line; then the total and what to do next. The machine's
 * sandbox line is left out, and the results file's path is written {@code <results.json>}.
 */
@Timeout(600)
class TemplatesFirstRunTest {
    @TempDir
    Path dir;

    @Test
    void theFirstRunOnTheTemplatesIsOneLinePerExerciseAndSaysWhereToStart() throws Exception {
        Path templates = dir.resolve("templates");
        Course.copyTree(Course.REPO.resolve("templates"), templates);
        Path json = dir.resolve("results.json");
        Process process = new ProcessBuilder("bash", Course.REPO.resolve("grade").toString(), "--submission", templates.toString(),
                "--json", json.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(540, TimeUnit.SECONDS)).as("./grade finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();

        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String pinned = Golden.withoutSandboxLine(out.replace(json.toString(), "<results.json>"));

        assertThat(pinned).isEqualTo(Golden.read("templates-first-run.txt"));
        int exercises = Course.grader().catalog().exercises().size();
        int footer = 4; // a blank line, the total, what to do next, where the results are
        assertThat(pinned.lines().count()).as("one line per exercise, then the footer").isEqualTo(exercises + footer);
    }
}

package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade batch} through the real script and installation, on a few real submissions graded
 * on one exercise (cache, whose suite is the quickest): each verdict equals grading that submission alone, and a
 * batch killed with kill -9 midway and started again ends exactly as an uninterrupted one.
 */
@Timeout(900)
class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private ProcessBuilder batch(Path submissions, Path out, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", Course.REPO.resolve("grade").toString(), "batch",
                submissions.toString(), "--out", out.toString(), "-j", "1", "cache")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(name + "-out.txt").toFile()).redirectError(dir.resolve(name + "-err.txt").toFile());
        // The child graders' temporary folders stay under this test's folder too.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        builder.environment().remove("CI");
        return builder;
    }

    private Run finish(Process process, String name) throws IOException, InterruptedException {
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("./grade batch finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve(name + "-out.txt")),
                Files.readString(dir.resolve(name + "-err.txt")));
    }

    private Run run(Path submissions, Path out, String name) throws IOException, InterruptedException {
        return finish(batch(submissions, out, name).start(), name);
    }

    @Test
    void eachVerdictEqualsGradingThatSubmissionAlone() throws Exception {
        Path subs = dir.resolve("subs");
        Course.copyTree(Course.REPO.resolve("solutions"), subs.resolve("reference"));
        Course.copyTree(Course.REPO.resolve("templates/ch10/cache"), subs.resolve("template/ch10/cache"));
        Files.createDirectories(subs.resolve("empty"));
        Files.writeString(subs.resolve("broken.zip"), "not a zip at all");
        Path out = dir.resolve("out");

        Run run = run(subs, out, "batch");

        assertThat(run.exit()).as("%s%n%s", run.out(), run.err()).isZero();
        assertThat(run.out()).contains("Found 4 submissions", "(folders)", "[4/4]");
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        for (String id : List.of("reference", "template", "empty")) {
            GradeReport alone = Course.grade(subs.resolve(id), "cache");
            GradeReport batched = JsonReport.read(out.resolve("students/" + id + "/results.json"));
            assertThat(verdicts(batched)).as(id).isEqualTo(verdicts(alone));
            JsonNode row = row(summary, id);
            assertThat(row.get("status").asText()).isEqualTo("graded");
            assertThat(row.get("score").asDouble()).as(id).isEqualTo(alone.score());
            assertThat(row.get("exercises").get("cache").asDouble()).isEqualTo(alone.exercises().get(0).score());
            assertThat(row.get("contentHash").asText()).startsWith("sha256:");
            assertThat(out.resolve("students/" + id + "/feedback.txt")).content()
                    .contains("Total: " + (long) alone.score() + "/" + (long) alone.maxScore()).doesNotContain("\u001B[");
        }
        assertThat(JsonReport.read(out.resolve("students/reference/results.json")).score()).isEqualTo(20);
        assertThatThrownBy(() -> Course.grade(subs.resolve("broken.zip"), "cache")).as("alone, the zip cannot be read either")
                .isInstanceOf(UncheckedIOException.class);
        assertThat(row(summary, "broken").get("status").asText()).isEqualTo("unreadable");
        assertThat(row(summary, "broken").get("reason").asText()).contains("not a readable zip");
        assertThat(summary.get("totals").get("graded").asInt()).isEqualTo(3);
        assertThat(summary.get("totals").get("unreadable").asInt()).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("gradebook.csv"))).containsExactly(
                "\"Student\",\"ID\",\"SIS User ID\",\"SIS Login ID\",\"Section\",\"cache\",\"Total (%)\"",
                "\"broken\",\"broken\",\"\",\"\",\"\",\"0\",\"0\"",
                "\"empty\",\"empty\",\"\",\"\",\"\",\"0\",\"0\"",
                "\"reference\",\"reference\",\"\",\"\",\"\",\"20\",\"100\"",
                "\"template\",\"template\",\"\",\"\",\"\",\"0\",\"0\"");

        Run usage = run(dir.resolve("nowhere"), out, "usage");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("must be a folder");
    }

    @Test
    void aBatchKilledMidwayAndStartedAgainEndsAsAnUninterruptedOne() throws Exception {
        Path subs = dir.resolve("subs");
        for (String id : List.of("ann", "ben", "cat")) {
            Course.copyTree(Course.REPO.resolve("solutions/ch10/cache"), subs.resolve(id + "/ch10/cache"));
        }
        Course.copyTree(Course.REPO.resolve("templates/ch10/cache"), subs.resolve("dan/ch10/cache"));
        Path whole = dir.resolve("whole");
        Run uninterrupted = run(subs, whole, "whole");
        assertThat(uninterrupted.exit()).as(uninterrupted.err()).isZero();

        Path resumed = dir.resolve("resumed");
        Process first = batch(subs, resumed, "killed").start();
        Path students = resumed.resolve("students");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (records(students) == 0 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ProcessHandle> graders = first.toHandle().descendants().toList();
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        assertThat(records(students)).as("killed after the first result, before the last").isBetween(1L, 3L);
        for (ProcessHandle grader : graders) {
            assertThat(grader.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).get())
                    .as("grader %d outlived the killed batch", grader.pid()).isNotNull();
        }
        assertThat(resumed.resolve("summary.json")).doesNotExist();

        Run again = run(subs, resumed, "again");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).containsPattern("kept [123] earlier result");
        assertThat(resumed.resolve("gradebook.csv")).hasSameTextualContentAs(whole.resolve("gradebook.csv"));
        assertThat(withoutTimes(JSON.readTree(resumed.resolve("summary.json").toFile())))
                .isEqualTo(withoutTimes(JSON.readTree(whole.resolve("summary.json").toFile())));
        for (String id : List.of("ann", "ben", "cat", "dan")) {
            assertThat(withoutTimes(JSON.readTree(resumed.resolve("students/" + id + "/results.json").toFile())))
                    .as(id).isEqualTo(withoutTimes(JSON.readTree(whole.resolve("students/" + id + "/results.json").toFile())));
            assertThat(resumed.resolve("students/" + id + "/feedback.txt"))
                    .hasSameTextualContentAs(whole.resolve("students/" + id + "/feedback.txt"));
        }
        try (Stream<Path> left = Files.walk(resumed)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".lockstep-") || n.startsWith(".results-") || n.equals(".work"));
        }
    }

    /** Each exercise's status and score, and each test's status, in order. */
    private static List<String> verdicts(GradeReport report) {
        List<String> verdicts = new ArrayList<>();
        for (ExerciseResult e : report.exercises()) {
            verdicts.add(e.id() + " " + e.status().json() + " " + e.score() + "/" + e.maxScore());
            for (TestResult t : e.tests()) {
                verdicts.add("  " + t.id() + " " + t.status().json() + " " + t.points());
            }
        }
        return verdicts;
    }

    private static JsonNode row(JsonNode summary, String id) {
        for (JsonNode row : summary.get("students")) {
            if (row.get("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id + " in " + summary);
    }

    private static long records(Path students) {
        if (!Files.isDirectory(students)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(students, 2)) {
            return files.filter(p -> p.getFileName().toString().equals("batch.json")).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a folder appeared or went while walking
        }
    }

    /** The JSON without what differs from run to run: times, durations and timings. */
    static JsonNode withoutTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("writtenAt", "gradedAt", "startedAt", "durationMs", "timing"));
            object.properties().forEach(e -> withoutTimes(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(BatchCommandTest::withoutTimes);
        }
        return node;
    }
}

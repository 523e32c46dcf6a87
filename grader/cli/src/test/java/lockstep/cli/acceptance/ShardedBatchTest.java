package lockstep.cli.acceptance;

import static lockstep.cli.acceptance.BatchCommandTest.withoutTimes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lockstep.batch.output.Shard;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade batch --shard I/N} on three "machines" (three processes at once) and
 * {@code ./grade merge}, through the real script and installation, on a small class whose verdicts
 * do not depend on timing (the templates, a compile error, an empty folder, a broken zip; mutex
 * only, one student each, so that every shard has one and the test takes seconds):
 * the merge writes what one unsharded batch writes, but for times and durations, and a merge
 * with a shard missing is refused with status 2.
 */
@Timeout(900)
class ShardedBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPILE_ERROR = "package ch10.mutex;\npublic class Mutex { this does not compile }\n";

    @TempDir
    Path dir;

    private Process grade(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", Course.REPO.resolve("grade").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + "-out.txt").toFile()).redirectError(dir.resolve(name + "-err.txt").toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
        return builder.start();
    }

    private int finish(Process process, String name) throws IOException, InterruptedException {
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("./grade %s finished", name).isTrue();
        assertThat(process.exitValue()).as("%s: %s%n%s", name, Files.readString(dir.resolve(name + "-out.txt")),
                Files.readString(dir.resolve(name + "-err.txt"))).isLessThanOrEqualTo(2);
        return process.exitValue();
    }

    @Test
    void threeShardsMergedEqualOneUnshardedBatch() throws Exception {
        Path subs = dir.resolve("subs");
        Course.copyTree(Course.REPO.resolve("templates/ch10/mutex"), subs.resolve("ann/src/ch10/mutex"));
        Files.createDirectories(subs.resolve("cat/ch10/mutex"));
        Files.writeString(subs.resolve("cat/ch10/mutex/Mutex.java"), COMPILE_ERROR);
        Files.createDirectories(subs.resolve("dan"));
        Files.writeString(subs.resolve("eve.zip"), "not a zip at all");
        assertThat(List.of("cat", "dan", "eve", "ann").stream().map(id -> Shard.of(id, 3)).toList())
                .as("each shard has students").containsExactly(1, 1, 2, 3);

        List<Process> running = new ArrayList<>();
        running.add(grade("whole", "batch", subs.toString(), "--out", dir.resolve("whole").toString(), "-j", "1", "mutex"));
        for (int i = 1; i <= 3; i++) {
            running.add(grade("shard" + i, "batch", subs.toString(), "--out", dir.resolve("shard" + i).toString(), "-j", "1",
                    "--shard", i + "/3", "mutex"));
        }
        List<String> names = List.of("whole", "shard1", "shard2", "shard3");
        for (int i = 0; i < running.size(); i++) {
            assertThat(finish(running.get(i), names.get(i))).as(names.get(i)).isZero();
        }
        Path merged = dir.resolve("merged");
        int merge = finish(grade("merge", "merge", dir.resolve("shard3").toString(), dir.resolve("shard1").toString(),
                dir.resolve("shard2").toString(), "--out", merged.toString()), "merge");

        assertThat(merge).isZero();
        assertThat(Files.readString(dir.resolve("merge-out.txt"))).contains("Merged 3 shards: 4 students");
        JsonNode summary = JSON.readTree(merged.resolve("summary.json").toFile());
        assertThat(withoutTimes(summary)).isEqualTo(withoutTimes(JSON.readTree(dir.resolve("whole/summary.json").toFile())));
        assertThat(summary.get("totals").get("graded").asInt()).isEqualTo(3);
        assertThat(summary.get("totals").get("unreadable").asInt()).isEqualTo(1);
        assertThat(merged.resolve("gradebook.csv")).hasSameTextualContentAs(dir.resolve("whole/gradebook.csv"));
        assertThat(withoutTime(merged.resolve("report.html"))).isEqualTo(withoutTime(dir.resolve("whole/report.html")));
        for (String id : List.of("ann", "cat", "dan", "eve")) {
            assertThat(merged.resolve("students/" + id + "/feedback.txt"))
                    .hasSameTextualContentAs(dir.resolve("whole/students/" + id + "/feedback.txt"));
            if (!id.equals("eve")) {
                assertThat(withoutTimes(JSON.readTree(merged.resolve("students/" + id + "/results.json").toFile()))).as(id)
                        .isEqualTo(withoutTimes(JSON.readTree(dir.resolve("whole/students/" + id + "/results.json").toFile())));
            }
        }

        Document report = Jsoup.parse(merged.resolve("report.html").toFile());
        assertThat(report.select("figure[data-chart=overall] rect.bar").eachAttr("data-count"))
                .as("everyone scored 0").containsExactly("4", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0");
        assertThat(report.select("table.flags tr[data-kind=unreadable] td").first().text()).isEqualTo("eve");
        assertThat(report.select("tr[data-exercise=mutex] td[data-status=compile-error]").text()).isEqualTo("1");
        assertThat(report.select("table.failing tbody tr")).as("the template's tests fail").isNotEmpty();
        assertThat(report.select("table.students a.feedback").eachAttr("href")).hasSize(4)
                .allSatisfy(href -> assertThat(merged.resolve(href)).isRegularFile());

        int missing = finish(grade("missing", "merge", dir.resolve("shard1").toString(), dir.resolve("shard3").toString(),
                "--out", dir.resolve("refused").toString()), "missing");
        assertThat(missing).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("missing-err.txt"))).contains("missing shard 2/3");
        assertThat(dir.resolve("refused/summary.json")).doesNotExist();
    }

    /** The report without the time it was written. */
    private static String withoutTime(Path report) throws IOException {
        return Files.readString(report).replaceAll("<time [^>]*>[^<]*</time>", "<time/>");
    }
}

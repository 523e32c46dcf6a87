package lockstep.batch;

import static lockstep.batch.Files2.counter;
import static lockstep.batch.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lockstep.batch.discover.Discovery;
import lockstep.batch.discover.Roster;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.Shard;
import lockstep.batch.output.Summary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards and their merge with a fake grading (as {@link BatchTest}'s, in milliseconds): three
 * shards merged write byte for byte what one unsharded batch writes, and a merge of shards that
 * are not one whole batch is refused before anything is written.
 */
class MergeTest {
    private static final List<ExerciseColumn> MUTEX = List.of(new ExerciseColumn("mutex", "Mutex", 27));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final Grading fake = (submission, work) -> {
        if (Files.exists(submission.resolve("FAIL"))) {
            return Outcome.failed("the grader exited with status 1: boom", 0);
        }
        if (Files.exists(submission.resolve("BROKEN"))) {
            return Outcome.unreadable("cannot read the submission", 0);
        }
        return Outcome.graded(BatchTest.report(submission, Files.exists(submission.resolve("ch10")) ? 27 : 0), 0);
    };

    /** By shard of 3: cat and dan in 1; bob, dave and eve in 2; alice and carol in 3. */
    @BeforeEach
    void aClass() throws IOException {
        Path subs = dir.resolve("subs");
        for (String id : List.of("alice", "cat", "eve")) {
            write(subs, id + "/ch10/mutex/Counter.java", counter(id));
        }
        Files.createDirectories(subs.resolve("dan"));
        write(subs, "bob/BROKEN", "");
        write(subs, "carol/FAIL", "");
        write(dir, "roster.csv", "id,name\nalice,Alice\ncat,Cat\ndave,Dave\n");
    }

    private Batch.Result batch(String out, Shard shard) throws Exception {
        return new Batch(new Batch.Settings(dir.resolve(out), MUTEX, 1, false, "dev", "subs", shard, null), fake, Progress.silent(), CLOCK)
                .run(Discovery.discover(dir.resolve("subs"), Optional.empty()), Roster.read(dir.resolve("roster.csv")));
    }

    private List<Path> shards() throws Exception {
        for (int i = 1; i <= 3; i++) {
            batch("shard" + i, new Shard(i, 3));
        }
        return List.of(dir.resolve("shard3"), dir.resolve("shard1"), dir.resolve("shard2"));
    }

    @Test
    void threeShardsMergedWriteWhatOneUnshardedBatchWrites() throws Exception {
        Summary whole = batch("whole", null).summary();
        List<Path> shards = shards();
        assertThat(Stream.of(1, 2, 3).map(i -> ids(dir.resolve("shard" + i)))).containsExactly(
                List.of("cat", "dan"), List.of("bob", "dave", "eve"), List.of("alice", "carol"));

        Summary merged = Merge.merge(shards, dir.resolve("merged"), CLOCK.instant());

        assertThat(merged).isEqualTo(whole);
        for (String file : List.of("summary.json", "gradebook.csv", "report.html", "students/alice/results.json",
                "students/alice/feedback.txt", "students/alice/batch.json", "students/bob/feedback.txt", "students/carol/batch.json")) {
            assertThat(dir.resolve("merged/" + file)).as(file).hasSameBinaryContentAs(dir.resolve("whole/" + file));
        }
        assertThat(dir.resolve("merged/students/dave")).as("no submission, no files").doesNotExist();
        assertThat(dir.resolve("shard2/summary.json")).content().contains("\"shard\" : {", "\"index\" : 2", "\"count\" : 3");
        assertThat(dir.resolve("shard2/report.html")).content().contains("Shard 2/3");
    }

    @Test
    void refusesShardsThatAreNotOneWholeBatch() throws Exception {
        List<Path> shards = shards();
        Path merged = dir.resolve("merged");

        assertThatThrownBy(() -> Merge.merge(shards.subList(0, 2), merged, CLOCK.instant()))
                .isInstanceOf(Merge.MergeException.class).hasMessageContaining("missing shard 2/3");
        assertThatThrownBy(() -> Merge.merge(List.of(shards.get(0), shards.get(1), shards.get(2), shards.get(1)), merged,
                CLOCK.instant())).hasMessageContaining("shard 1/3 is given twice");
        batch("whole", null);
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("whole")), merged, CLOCK.instant()))
                .hasMessageContaining("is a whole batch, not a shard");
        batch("half", new Shard(1, 2));
        assertThatThrownBy(() -> Merge.merge(List.of(shards.get(0), dir.resolve("half")), merged, CLOCK.instant()))
                .hasMessageContaining("different batches");
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("nowhere")), merged, CLOCK.instant()))
                .hasMessageContaining("has no summary.json");
        Path overlap = dir.resolve("overlap");
        Files.createDirectories(overlap);
        Files.writeString(overlap.resolve("summary.json"), Files.readString(dir.resolve("shard3/summary.json"))
                .replace("\"index\" : 3", "\"index\" : 2"));
        assertThatThrownBy(() -> Merge.merge(List.of(dir.resolve("shard1"), overlap, dir.resolve("shard3")), merged, CLOCK.instant()))
                .hasMessageContaining("student alice is in two shards");
        assertThat(merged).as("nothing written").doesNotExist();
    }

    @Test
    void notesShardsGradedByDifferentGraderVersions() throws Exception {
        List<Path> shards = shards();
        Path shard1 = dir.resolve("shard1/summary.json");
        Files.writeString(shard1, Files.readString(shard1).replace("\"graderVersion\" : \"dev\"", "\"graderVersion\" : \"0.9\""));

        Summary merged = Merge.merge(shards, dir.resolve("merged"), CLOCK.instant());

        assertThat(merged.notes()).contains("The shards were graded by different versions of the grader: 0.9, dev.");
    }

    private static List<String> ids(Path out) {
        try {
            return lockstep.batch.output.Summaries.read(out.resolve("summary.json")).students().stream().map(Summary.Row::id).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

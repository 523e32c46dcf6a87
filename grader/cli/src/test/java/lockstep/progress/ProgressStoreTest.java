package lockstep.progress;

import static lockstep.progress.Gradings.FIRST;
import static lockstep.progress.Gradings.LATER;
import static lockstep.progress.Gradings.compileError;
import static lockstep.progress.Gradings.graded;
import static lockstep.progress.Gradings.notStarted;
import static lockstep.progress.Gradings.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code progress.json} and {@code hints.json}: merged per exercise, forgiving on read, whole on write. */
class ProgressStoreTest {
    @TempDir
    Path dir;

    private ProgressStore store() {
        return new ProgressStore(dir.resolve(".lockstep/progress.json"));
    }

    @Test
    void aGradingReplacesOnlyTheExercisesItGraded() throws IOException {
        store().record(report("templates", FIRST, graded("spawn-join", 22, 22), notStarted("mutex", 26)));
        store().record(report("templates", LATER, graded("mutex", 10, 26)));
        ChapterProgress progress = store().record(report("templates", LATER, compileError("async-await", 30)));

        assertThat(progress).isEqualTo(store().read().orElseThrow());
        assertThat(progress.exercises()).containsOnlyKeys("spawn-join", "mutex", "async-await");
        assertThat(progress.exercises().get("spawn-join")).isEqualTo(new LastGrading(22, 22, true, false, FIRST));
        assertThat(progress.exercises().get("mutex")).isEqualTo(new LastGrading(10, 26, false, false, LATER));
        assertThat(progress.exercises().get("spawn-join").state()).isEqualTo(ExerciseState.DONE);
        assertThat(progress.exercises().get("mutex").state()).isEqualTo(ExerciseState.IN_PROGRESS);
        assertThat(progress.exercises().get("async-await").state()).as("a compile error is begun work").isEqualTo(ExerciseState.IN_PROGRESS);
        assertThat(ExerciseState.of(null)).isEqualTo(ExerciseState.NOT_STARTED);
        assertThat(new LastGrading(0, 26, false, true, FIRST).state()).isEqualTo(ExerciseState.NOT_STARTED);
        assertThat(Files.readString(store().file())).contains("\"version\" : 1", "\"maxScore\" : 26.0", "\"gradedAt\" : \"2026-03-01T11:00:00Z\"");
        String file = Files.readString(store().file());
        assertThat(file.indexOf("\"async-await\"")).as("the exercises in the order of their ids, however merged")
                .isLessThan(file.indexOf("\"mutex\"")).isLessThan(file.indexOf("\"spawn-join\""));
        assertThat(new HintsShown(HintsShown.VERSION, java.util.Map.of("mutex", 1, "bank", 2, "cache", 1)).shown().keySet())
                .containsExactly("bank", "cache", "mutex");
    }

    @Test
    void aCorruptOrUnreadableFileIsNoProgressAndTheNextGradingStartsItAfresh() throws IOException {
        Files.createDirectories(dir.resolve(".lockstep"));
        for (String corrupt : new String[] {"", "{\"version\" : 1, \"exercises\" : {\"mutex\" : ", "null", "[1, 2]",
                "{\"exercises\" : 5}", "\u0000\u00ff binary"}) {
            Files.writeString(store().file(), corrupt);
            assertThat(store().read()).as(corrupt).isEmpty();
        }

        store().record(report("templates", FIRST, graded("mutex", 10, 26)));
        assertThat(store().read().orElseThrow().exercises()).containsOnlyKeys("mutex");

        Files.delete(store().file());
        Files.createDirectories(store().file().resolve("a folder where the file should be"));
        assertThat(store().read()).as("a folder in the file's place").isEmpty();
    }

    @Test
    void aFileOfALaterVersionWithFieldsThisOneDoesNotKnowIsStillRead() throws IOException {
        Files.createDirectories(dir.resolve(".lockstep"));
        Files.writeString(store().file(), """
                {"version": 2, "learner": "x", "exercises": {"mutex": {"score": 3, "maxScore": 26, "full": false, "notStarted": false,
                 "gradedAt": null, "streak": 4}}}""");

        assertThat(store().read().orElseThrow().exercises().get("mutex")).isEqualTo(new LastGrading(3, 26, false, false, null));
    }

    @Test
    void theFileIsWrittenWholeThroughATemporaryFileThatIsThenGone() throws IOException {
        store().record(report("templates", FIRST, graded("mutex", 10, 26)));
        store().record(report("templates", LATER, graded("bank", 5, 30)));

        try (Stream<Path> files = Files.list(dir.resolve(".lockstep"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("progress.json");
        }
    }

    @Test
    void aWriteThatFailsThrowsAndLeavesNoTemporaryFileBehind() throws IOException {
        Path inTheWay = Files.createDirectories(store().file().resolve("not empty"));

        assertThatThrownBy(() -> store().record(report("templates", FIRST, graded("mutex", 10, 26)))).isInstanceOf(IOException.class);

        assertThat(inTheWay).isDirectory();
        try (Stream<Path> files = Files.list(dir.resolve(".lockstep"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("progress.json");
        }
    }

    @Test
    void hintsSeenAreCountedPerExerciseAndACorruptFileCountsNone() throws IOException {
        HintStore hints = new HintStore(dir.resolve(".lockstep/hints.json"));
        assertThat(hints.shown("mutex")).isZero();

        hints.remember("mutex", 2);
        hints.remember("bank", 1);
        hints.remember("mutex", 3);

        assertThat(hints.shown("mutex")).isEqualTo(3);
        assertThat(hints.shown("bank")).isEqualTo(1);
        assertThat(Files.readString(hints.file())).contains("\"mutex\" : 3");
        Files.writeString(hints.file(), "{\"shown\": {\"mutex\": \"many\"");
        assertThat(hints.shown("mutex")).isZero();
        Files.writeString(hints.file(), "{\"shown\": {\"mutex\": -4}}");
        assertThat(hints.shown("mutex")).isZero();
    }
}

package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference solutions rewritten with honest idioms the static policy once refused (a thread
 * constructor with a null thread group and a stack size, a VarHandle on the class's own field), one
 * folder each in {@code src/test/resources/honest/} with its {@code variant.json} and a
 * {@code patch.diff} over the solutions: graded together in one run, every one keeps full marks. The
 * policy's own corpus of idioms is the engine's {@code HonestIdiomsTest}.
 */
@Timeout(900)
class HonestVariantsTest {
    static final Path ROOT = Course.REPO.resolve("grader/cli/src/test/resources/honest");

    @TempDir
    Path work;

    /**
     * One variant.
     *
     * @param idiom what it changes, in one line
     * @param exercise the exercise whose solution it changes (one variant per exercise)
     */
    record Variant(String name, String idiom, String exercise) {}

    record VariantFile(String idiom, String exercise) {}

    @Test
    void everyVariantKeepsFullMarks() throws IOException {
        List<Variant> variants = variants().stream().filter(v -> Course.ONLY.isEmpty() || Course.ONLY.contains(v.exercise()))
                .toList();
        assumeFalse(variants.isEmpty(), "no variant of the exercises in lockstep.exercises");
        Path submission = Files.createDirectories(work.resolve("submission"));
        Course.copyTree(Course.REPO.resolve("solutions/ch10"), submission.resolve("ch10"));
        for (Variant variant : variants) {
            Course.applyDiff(ROOT.resolve(variant.name()).resolve("patch.diff"), submission);
        }
        String[] exercises = variants.stream().map(Variant::exercise).distinct().toArray(String[]::new);
        assertThat(exercises).as("one variant per exercise").hasSameSizeAs(variants);
        for (int run = 1; run <= Course.REPEAT; run++) {
            GradeReport report = Course.grade(submission, exercises);
            for (Variant variant : variants) {
                ExerciseResult result = report.exercises().stream().filter(e -> e.id().equals(variant.exercise()))
                        .findFirst().orElseThrow();
                assertThat(result.status()).as("run %d of %s (%s): %s", run, variant.name(), variant.idiom(), result.message())
                        .isEqualTo(ExerciseStatus.GRADED);
                assertThat(result.tests()).as("run %d of %s: failures %s", run, variant.name(), result.tests().stream()
                        .filter(t -> t.status() != TestStatus.PASSED).map(ReferenceSolutionsTest::describe).toList())
                        .allMatch(t -> t.status() == TestStatus.PASSED);
                assertThat(result.score()).isEqualTo(result.maxScore()).isPositive();
            }
        }
    }

    static List<Variant> variants() {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().map(dir -> {
                try {
                    VariantFile file = json.readValue(dir.resolve("variant.json").toFile(), VariantFile.class);
                    return new Variant(dir.getFileName().toString(), file.idiom(), file.exercise());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + dir.resolve("variant.json"), e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lockstep.engine.catalog.Exercise;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Honest variants (correct designs that are slower than the reference solution, such as a fair
 * lock whose every hand-over is a thread switch, or a FIFO hand-off) earn full marks on every run,
 * also while another process keeps a core busy: a test of correctness must never be a test of
 * speed. Each is stored like a mutant, as {@code exercises/<id>/variants/<name>/variant.diff} over
 * the reference solution and a {@code variant.json} with its {@code description}.
 */
@Timeout(3600)
class HonestVariantsTest {
    @TempDir
    static Path work;

    @Test
    void everyVariantChangesOnlyLearnerClassesOfItsExerciseAndSaysWhatItIs() throws IOException {
        for (Course.Variant variant : Course.variants()) {
            Exercise exercise = Course.grader().catalog().find(variant.exercise()).orElseThrow();
            assertThat(variant.description()).as("the description of %s", variant).isNotBlank();
            List<String> changed = changedFiles(variant.diff());
            assertThat(changed).as("the files %s changes", variant).isNotEmpty()
                    .allSatisfy(file -> assertThat(exercise.learnerClasses()).as("the learner classes of %s", exercise.id())
                            .contains(file.replaceFirst("^b/", "").replaceFirst("\\.java$", "")));
            Path submission = Course.solutionsWith(variant, Files.createTempDirectory(work, variant.name()));
            String pkg = exercise.packageName().replace('.', '/');
            boolean differs = false;
            for (String file : changed) {
                String name = file.replaceFirst("^b/", "");
                differs |= !Files.readString(submission.resolve(pkg).resolve(name))
                        .equals(Files.readString(Course.REPO.resolve("solutions").resolve(pkg).resolve(name)));
            }
            assertThat(differs).as("whether %s differs from the reference solution", variant).isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachVariantEarnsFullMarksEveryRun() {
        return Course.variants().stream().map(variant -> DynamicTest.dynamicTest(variant.toString(),
                () -> gradeRepeatedly(variant, Course.REPEAT, "")));
    }

    /** Only in the stability profile (lockstep.load): one pass of the test command grades each variant once. */
    @TestFactory
    Stream<DynamicTest> eachVariantEarnsFullMarksWhileAnotherProcessKeepsACoreBusy() {
        if (!Course.LOAD) {
            return Stream.empty();
        }
        int runs = Course.REPEAT;
        return Course.variants().stream().map(variant -> DynamicTest.dynamicTest(variant.toString(), () -> {
            try (BusyCore busy = BusyCore.start(60 * runs + 120)) {
                gradeRepeatedly(variant, runs, " under load");
            }
        }));
    }

    private static void gradeRepeatedly(Course.Variant variant, int runs, String how) throws IOException {
        Path submission = Course.solutionsWith(variant, Files.createTempDirectory(work, variant.name()));
        for (int run = 1; run <= runs; run++) {
            ReferenceSolutionsTest.assertFullMarks(Course.grade(submission, variant.exercise()).exercises().get(0),
                    "run " + run + how + " of " + variant + " (" + variant.description() + ")");
        }
    }

    /** The files a unified diff changes, as named on its {@code +++} lines. */
    private static List<String> changedFiles(Path diff) {
        try (Stream<String> lines = Files.lines(diff)) {
            return lines.filter(l -> l.startsWith("+++ ")).map(l -> l.substring(4).strip().split("\t")[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lockstep.engine.catalog.Exercise;
import lockstep.verify.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Honest variants (correct designs that are slower than the reference solution, such as a fair
 * lock whose every hand-over is a thread switch, or a FIFO hand-off) are stored like mutants, as
 * {@code exercises/<id>/variants/<name>/variant.diff} over the reference solution and a
 * {@code variant.json} with its {@code description}; each changes only learner classes of its
 * exercise. That each earns full marks on every run (a test of correctness must never be a test
 * of speed) is checked by {@link CourseVerificationTest}.
 */
class HonestVariantsTest {
    @TempDir
    static Path work;

    @Test
    void everyVariantChangesOnlyLearnerClassesOfItsExerciseAndSaysWhatItIs() throws IOException {
        for (Subject.Variant variant : Course.variants()) {
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

    /** The files a unified diff changes, as named on its {@code +++} lines. */
    private static List<String> changedFiles(Path diff) {
        try (Stream<String> lines = Files.lines(diff)) {
            return lines.filter(l -> l.startsWith("+++ ")).map(l -> l.substring(4).strip().split("\t")[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

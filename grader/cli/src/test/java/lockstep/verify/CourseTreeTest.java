package lockstep.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course repository's subjects, and the submissions built from them, on the real course. */
class CourseTreeTest {
    private static final Path REPO = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath().normalize();
    private final CourseTree course = new CourseTree(REPO, Catalog.load());

    @TempDir
    Path dir;

    @Test
    void findsEveryExercisesMutantsAndVariantsOrOnlyThoseAskedFor() {
        assertThat(course.mutants(List.of())).extracting(Subject::exercise).contains("spawn-join", "bank", "cache");
        assertThat(course.mutants(List.of("bank"))).isNotEmpty().allSatisfy(m -> {
            assertThat(m.exercise()).isEqualTo("bank");
            assertThat(m.mustFail()).isNotEmpty();
            assertThat(m.diff()).exists();
        });
        assertThat(course.variants(List.of("bank"))).isNotEmpty().allSatisfy(v -> assertThat(v.diff()).exists());
    }

    @Test
    void aSubmissionHasTheSolutionsWithEachSubjectsPackageChanged() throws IOException {
        Subject.Mutant mutant = course.mutants(List.of("bank")).get(0);
        Path submission = course.submission(List.of(new Subject.Template("mutex"), mutant, new Subject.Solution("cache")), dir);

        assertThat(read(submission, "ch10/mutex/Mutex.java")).isEqualTo(read(REPO.resolve("templates"), "ch10/mutex/Mutex.java"));
        assertThat(read(submission, "ch10/bank/Bank.java")).isNotEqualTo(read(REPO.resolve("solutions"), "ch10/bank/Bank.java"));
        assertThat(read(submission, "ch10/cache/LoadingCache.java"))
                .isEqualTo(read(REPO.resolve("solutions"), "ch10/cache/LoadingCache.java"));
        assertThat(read(submission, "ch10/spawn/Workers.java")).isEqualTo(read(REPO.resolve("solutions"), "ch10/spawn/Workers.java"));
    }

    private static String read(Path root, String file) throws IOException {
        return Files.readString(root.resolve(file));
    }
}

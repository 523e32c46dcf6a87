package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import lockstep.engine.submission.Note;
import lockstep.engine.submission.Note.Why;
import org.junit.jupiter.api.Test;

/** Each note of the intake, in the words the learner reads: one path named, or several counted. */
class NoteTextsTest {
    private static final List<String> EXERCISE_PACKAGES = List.of("ch10.spawn", "ch10.mutex");

    private static String text(Why why, int count, String... examples) {
        return NoteTexts.text(new Note(why, List.of(examples), count));
    }

    @Test
    void onePathIsNamedWithWhyInTheSingular() {
        assertThat(text(new Why.TooLarge(1024), 1, "ch10/spawn/Huge.java"))
                .isEqualTo("Skipped ch10/spawn/Huge.java: it is larger than 1024 KiB.");
        assertThat(text(new Why.Link(), 1, "ch10/spawn/Linked.java"))
                .isEqualTo("Skipped ch10/spawn/Linked.java: it is a link, and links are never followed.");
        assertThat(text(new Why.LeavesSubmission(), 1, "../escape/Evil.java"))
                .isEqualTo("Skipped ../escape/Evil.java: its path leaves the submission.");
        assertThat(text(new Why.PackageFull("ch10.mutex", 500), 1, "ch10/mutex/C10500.java"))
                .isEqualTo("Skipped ch10/mutex/C10500.java: it is one of more than 500 Java files in package ch10.mutex.");
        assertThat(text(new Why.OwnTest(), 1, "src/test/java/ch10/spawn/MyWorkersTest.java")).isEqualTo("Skipped"
                + " src/test/java/ch10/spawn/MyWorkersTest.java: your own tests are not graded (only the course's tests are).");
        assertThat(text(new Why.BuildFolder(), 1, "target/"))
                .isEqualTo("Skipped target/: build output, version control and editor folders are never graded.");
    }

    @Test
    void severalPathsAreCountedWithTheFirstFewNamedAndAnEllipsisForTheRest() {
        assertThat(text(new Why.Resource(), 4, "META-INF/services/org.junit.jupiter.api.extension.Extension", "module-info.java",
                "src/main/resources/META-INF/services/javax.annotation.processing.Processor")).isEqualTo("Skipped 4 files"
                        + " (META-INF/services/org.junit.jupiter.api.extension.Extension, module-info.java,"
                        + " src/main/resources/META-INF/services/javax.annotation.processing.Processor, …):"
                        + " resource files and module-info are never put on the class path.");
        assertThat(text(new Why.Link(), 2, "ch10/spawn/Linked.java", "outside"))
                .isEqualTo("Skipped 2 files (ch10/spawn/Linked.java, outside): they are links, and links are never followed.");
        assertThat(text(new Why.TooLarge(1024), 15, "ch10/spawn/B10.java", "ch10/spawn/B11.java", "ch10/spawn/B12.java"))
                .isEqualTo("Skipped 15 files (ch10/spawn/B10.java, ch10/spawn/B11.java, ch10/spawn/B12.java, …): each is larger"
                        + " than 1024 KiB.");
        assertThat(text(new Why.TooMuch(16), 3, "a/A.java", "a/B.java", "a/C.java"))
                .as("no ellipsis when every path is named")
                .isEqualTo("Skipped 3 files (a/A.java, a/B.java, a/C.java): the submission's sources exceed 16 MiB.");
        assertThat(text(new Why.TooManyFiles(20_000), 5, "a/A.java", "a/B.java", "a/C.java"))
                .endsWith("): the submission has more than 20000 Java files.");
        assertThat(text(new Why.LeavesSubmission(), 6, "../a", "../b", "../c")).endsWith("): each path leaves the submission.");
        assertThat(text(new Why.BuildFolder(), 8, ".git/", ".gradle/", ".idea/")).isEqualTo("Skipped 8 folders (.git/, .gradle/,"
                + " .idea/, …): build output, version control and editor folders are never graded.");
    }

    @Test
    void aFullPackageIsNamedAndTheUnnamedPackageSaidAsSuch() {
        assertThat(text(new Why.PackageFull("ch10.mutex", 500), 9501, "ch10/mutex/C10500.java", "ch10/mutex/C10501.java",
                "ch10/mutex/C10502.java")).isEqualTo("Skipped 9501 files (ch10/mutex/C10500.java, ch10/mutex/C10501.java,"
                        + " ch10/mutex/C10502.java, …): they are past the first 500 Java files in package ch10.mutex.");
        assertThat(text(new Why.PackageFull("", 500), 9500, "J10500.java", "J10501.java", "J10502.java"))
                .endsWith("they are past the first 500 Java files in the unnamed package (no package line).");
    }

    @Test
    void sourcesOutsideTheExercisePackagesAreIgnoredNamingThePackagesTheyShouldBeIn() {
        assertThat(text(new Why.OutsidePackages(Optional.of("org.junit.jupiter.api"), EXERCISE_PACKAGES), 1,
                "org/junit/jupiter/api/Test.java")).isEqualTo("Ignored org/junit/jupiter/api/Test.java: it declares package"
                        + " org.junit.jupiter.api; your classes must be in an exercise's package (ch10.spawn, ch10.mutex).");
        assertThat(text(new Why.OutsidePackages(Optional.of(""), EXERCISE_PACKAGES), 1, "Loose.java"))
                .isEqualTo("Ignored Loose.java: it declares no package; your classes must be in an exercise's package"
                        + " (ch10.spawn, ch10.mutex).");
        assertThat(text(new Why.OutsidePackages(Optional.empty(), EXERCISE_PACKAGES), 3, "Loose.java",
                "ch10/mutex/util/Helper.java", "org/junit/jupiter/api/Test.java")).isEqualTo("Ignored 3 files (Loose.java,"
                        + " ch10/mutex/util/Helper.java, org/junit/jupiter/api/Test.java): none declares an exercise's package;"
                        + " your classes must be in an exercise's package (ch10.spawn, ch10.mutex).");
    }

    @Test
    void aFileDeclaringAnotherExercisesPackageIsNamedWithTheLineThatWouldMakeItCountHere() {
        assertThat(text(new Why.DeclaresAnotherPackage("ch10.mutex", "ch10.spawn"), 1, "ch10/spawn/Workers.java"))
                .isEqualTo("ch10/spawn/Workers.java declares package ch10.mutex, so it counts for the exercise of package"
                        + " ch10.mutex, not for this folder's: to count here, its first line must be 'package ch10.spawn;'.");
        assertThat(text(new Why.DeclaresAnotherPackage("ch10.mutex", "ch10.spawn"), 4, "ch10/spawn/A.java", "ch10/spawn/B.java",
                "ch10/spawn/C.java")).isEqualTo("4 files (ch10/spawn/A.java, ch10/spawn/B.java, ch10/spawn/C.java, …) declare"
                        + " package ch10.mutex, so they count for the exercise of package ch10.mutex, not for this folder's:"
                        + " to count here, their first line must be 'package ch10.spawn;'.");
    }
}

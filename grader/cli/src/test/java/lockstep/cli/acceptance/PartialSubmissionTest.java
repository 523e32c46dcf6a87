package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One exercise's trouble (missing, not compiling, duplicated) never costs another exercise. */
@Timeout(600)
class PartialSubmissionTest {
    @TempDir
    Path submission;

    @TempDir
    Path reports;

    @Test
    void aMissingExerciseScoresZeroAndTheOtherIsGradedNormally() throws IOException {
        Course.copyTree(Course.REPO.resolve("solutions/ch10/spawn"), submission.resolve("ch10/spawn"));

        Map<String, ExerciseResult> results = byId(Course.grade(submission, "spawn-join", "mutex"));

        assertThat(results.get("mutex").status()).isEqualTo(ExerciseStatus.MISSING);
        assertThat(results.get("mutex").score()).isZero();
        assertThat(results.get("mutex").message()).contains("package ch10.mutex", "Mutex.java");
        assertThat(results.get("mutex").tests()).allMatch(t -> t.status() == TestStatus.NOT_RUN);
        assertFull(results.get("spawn-join"));
    }

    @Test
    void anExerciseThatDoesNotCompileShowsTheCompilerAndTheOtherIsGradedNormally() throws Exception {
        Course.copyTree(Course.REPO.resolve("solutions/ch10"), submission.resolve("ch10"));
        Path mutex = submission.resolve("ch10/mutex/Mutex.java");
        Files.writeString(mutex, Files.readString(mutex).replaceFirst("\\}\\s*$", "    int broken = \"not a number\";\n}\n"));

        GradeReport report = Course.grade(submission, "spawn-join", "mutex");
        Map<String, ExerciseResult> results = byId(report);

        EveryFormat.assertWrittenValidWithTheNativeTotal(report, reports);
        assertThat(results.get("mutex").status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(results.get("mutex").score()).isZero();
        // As javac prints it: the path in the submission, the line, the message, the code line and a caret under the spot.
        assertThat(results.get("mutex").message()).containsPattern("\nch10/mutex/Mutex\\.java:\\d+: error: incompatible types: String"
                + " cannot be converted to int\n    int broken = \"not a number\";\n {17}\\^");
        assertFull(results.get("spawn-join"));
    }

    @Test
    void aForbiddenCallRejectsOnlyItsExerciseAndNamesTheLine() throws Exception {
        Course.copyTree(Course.REPO.resolve("solutions/ch10"), submission.resolve("ch10"));
        Files.writeString(submission.resolve("ch10/mutex/Sneaky.java"), """
                package ch10.mutex;

                final class Sneaky {
                    static void leave() {
                        System.exit(0);
                    }
                }
                """);

        GradeReport report = Course.grade(submission, "spawn-join", "mutex");
        Map<String, ExerciseResult> results = byId(report);

        EveryFormat.assertWrittenValidWithTheNativeTotal(report, reports);
        assertThat(results.get("mutex").status()).isEqualTo(ExerciseStatus.REJECTED);
        assertThat(results.get("mutex").score()).isZero();
        assertThat(results.get("mutex").message()).contains("Sneaky.java:5: uses java.lang.System.exit");
        assertFull(results.get("spawn-join"));
    }

    @Test
    void aLearnerCopyOfAGivenClassIsIgnoredWithANote() throws IOException {
        Course.copyTree(Course.REPO.resolve("solutions/ch10/spawn"), submission.resolve("ch10/spawn"));
        Files.writeString(submission.resolve("ch10/spawn/TaskFailedException.java"),
                "package ch10.spawn;\npublic final class TaskFailedException extends Exception { /* tampered */ }\n");

        ExerciseResult result = byId(Course.grade(submission, "spawn-join")).get("spawn-join");

        assertFull(result);
        assertThat(result.message()).contains("TaskFailedException.java is ignored");
    }

    @Test
    void twoCopiesOfALearnerClassRejectTheExerciseAndSayWhy() throws IOException {
        Course.copyTree(Course.REPO.resolve("solutions/ch10"), submission.resolve("ch10"));
        Course.copyTree(Course.REPO.resolve("solutions/ch10/mutex"), submission.resolve("backup/ch10/mutex"));

        Map<String, ExerciseResult> results = byId(Course.grade(submission, "spawn-join", "mutex"));

        assertThat(results.get("mutex").status()).isEqualTo(ExerciseStatus.REJECTED);
        assertThat(results.get("mutex").message()).contains("two copies of", "backup/ch10/mutex");
        assertFull(results.get("spawn-join"));
    }

    private static void assertFull(ExerciseResult result) {
        assertThat(result.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(result.score()).as("%s: %s", result.id(), result.tests()).isEqualTo(result.maxScore()).isPositive();
    }

    private static Map<String, ExerciseResult> byId(GradeReport report) {
        return report.exercises().stream().collect(Collectors.toMap(ExerciseResult::id, Function.identity()));
    }
}

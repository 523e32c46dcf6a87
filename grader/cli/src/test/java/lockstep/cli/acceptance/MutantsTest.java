package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mutant (a known learner mistake) loses exactly the points of the tests it names and
 * keeps all the others, on every run.
 */
@Timeout(3600)
class MutantsTest {
    @TempDir
    static Path work;

    @Test
    void everyExerciseHasAtLeastFiveMutantsNamingRealTests() {
        Map<String, List<Course.Mutant>> byExercise = Course.mutants().stream()
                .collect(Collectors.groupingBy(Course.Mutant::exercise));
        for (var exercise : Course.exercises()) {
            List<String> testIds = exercise.tests().stream().map(t -> t.id()).toList();
            assertThat(byExercise.get(exercise.id())).as(exercise.id()).hasSizeGreaterThanOrEqualTo(5);
            for (Course.Mutant mutant : byExercise.get(exercise.id())) {
                assertThat(mutant.mustFail()).as(mutant.toString()).isNotEmpty();
                assertThat(testIds).as(mutant + " names tests of its exercise").containsAll(mutant.mustFail());
                assertThat(mutant.mistake()).isNotBlank();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> eachMutantLosesExactlyTheTestsItNames() {
        return Course.mutants().stream().map(mutant -> DynamicTest.dynamicTest(mutant.toString(), () -> {
            Path submission = Course.solutionsWith(mutant, Files.createTempDirectory(work, mutant.name()));
            for (int run = 1; run <= Course.REPEAT; run++) {
                lockstep.engine.result.GradeReport report = Course.grade(submission, mutant.exercise());
                if (run == 1) {
                    EveryFormat.assertWrittenValidWithTheNativeTotal(report, Files.createTempDirectory(work, mutant.name() + "-reports"));
                }
                ExerciseResult result = report.exercises().get(0);
                List<String> lost = result.tests().stream().filter(t -> t.status() != TestStatus.PASSED).map(TestResult::id).toList();
                assertThat(lost).as("run %d of %s (%s): the tests it lost, with messages %s", run, mutant, mutant.mistake(),
                        result.tests().stream().filter(t -> t.status() != TestStatus.PASSED)
                                .map(ReferenceSolutionsTest::describe).toList())
                        .containsExactlyInAnyOrderElementsOf(mutant.mustFail());
                double expected = result.tests().stream().filter(t -> !mutant.mustFail().contains(t.id()))
                        .mapToDouble(TestResult::maxPoints).sum();
                assertThat(result.score()).isEqualTo(expected);
            }
        }));
    }
}

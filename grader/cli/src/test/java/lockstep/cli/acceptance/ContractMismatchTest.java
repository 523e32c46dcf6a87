package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission whose class does not keep the contract, graded for real: the difference is said once,
 * in the exercise's message before any test, every test that calls the changed method points there
 * instead of showing a linkage error, and the tests that do not call it keep their points.
 */
@Timeout(600)
class ContractMismatchTest {
    private static final String MISMATCH = "Counter.countConcurrently(int, int) must return long; yours returns int";
    private static final String POINTER = "Calls Counter.countConcurrently, which does not match the contract: see above.";

    @TempDir
    Path submission;

    @TempDir
    Path reports;

    @Test
    void aMethodReturningIntWhereTheContractSaysLongIsSaidOnceAndCostsOnlyTheTestsThatCallIt() throws Exception {
        Course.copyTree(Course.REPO.resolve("solutions/ch10/mutex"), submission.resolve("ch10/mutex"));
        Path counter = submission.resolve("ch10/mutex/Counter.java");
        String source = Files.readString(counter);
        assertThat(source).contains("public static long countConcurrently", "return guard.get();");
        Files.writeString(counter, source.replace("public static long countConcurrently", "public static int countConcurrently")
                .replace("return guard.get();", "return (int) (long) guard.get();"));

        GradeReport report = Course.grade(submission, "mutex");
        ExerciseResult mutex = report.exercises().get(0);

        EveryFormat.assertWrittenValidWithTheNativeTotal(report, reports);
        assertThat(mutex.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(mutex.message()).isEqualTo("Your classes do not match the exercise's contract (exercises/mutex/README.md): "
                + MISMATCH + ".");
        assertThat(mutex.contractMismatches()).containsExactly(MISMATCH);
        assertThat(mutex.tests()).filteredOn(t -> t.status() != TestStatus.PASSED).isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.id()).startsWith("CounterTest#");
                    assertThat(t.message()).isEqualTo(POINTER);
                });
        double others = mutex.tests().stream().filter(t -> t.id().startsWith("MutexTest#")).mapToDouble(TestResult::maxPoints).sum();
        assertThat(mutex.tests()).filteredOn(t -> t.id().startsWith("MutexTest#")).allMatch(t -> t.status() == TestStatus.PASSED);
        assertThat(mutex.score()).isEqualTo(others).isPositive().isLessThan(mutex.maxScore());

        String text = TextReport.plain(report);
        assertThat(text.split(java.util.regex.Pattern.quote(MISMATCH), -1)).as("said once").hasSize(2);
        assertThat(text.indexOf(MISMATCH)).as("before the tests").isLessThan(text.indexOf(POINTER));
    }
}

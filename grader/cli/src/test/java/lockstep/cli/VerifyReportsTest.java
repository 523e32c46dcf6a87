package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.Timing;
import lockstep.verify.Outcome;
import lockstep.verify.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./grade verify --reports}: each graded subject's first run as the learner reads it, one file per subject. */
class VerifyReportsTest {
    @TempDir
    Path dir;

    @Test
    void eachGradedSubjectGetsItsExercisesTextReportUnderItsLabel() throws IOException {
        TestResult lost = new TestResult("BankTest#b", "transfers both ways", TestStatus.FAILED, 0, 2, "expected 10 but was 9",
                "", "Lock both accounts in one order", 1);
        ExerciseResult result = new ExerciseResult("bank", "Deadlocks and lock ordering", ExerciseStatus.GRADED, 0, 2, null,
                List.of(lost), Timing.NONE);
        Subject mutant = new Subject.Mutant("bank", "locks-in-from-to-order", Path.of("m"), "locks from then to",
                List.of("BankTest#b"));
        Outcome graded = new Outcome(mutant, List.of(Map.of("BankTest#b", TestStatus.FAILED)), List.of(List.of()), List.of(5L),
                Optional.of(result));
        Outcome notGraded = new Outcome(new Subject.Solution("bank"), List.of(Map.of()), List.of(List.of("not graded")),
                List.of(0L), Optional.empty());

        VerifyCommand.writeReports(List.of(graded, notGraded), dir);

        String text = Files.readString(dir.resolve("bank/mutant/locks-in-from-to-order.txt"));
        assertThat(text).contains("Deadlocks and lock ordering", "transfers both ways", "expected 10 but was 9",
                "Lock both accounts in one order");
        assertThat(dir.resolve("bank/solution.txt")).doesNotExist();
    }
}

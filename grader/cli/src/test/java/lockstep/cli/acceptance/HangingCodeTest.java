package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A test whose learner code never returns and ignores interrupts is stopped with the stack of
 * where it was stuck (by the suite's own bound, or else by the runner's time limit), and costs
 * only its own points: the exercise's other tests still run and pass.
 */
@Timeout(300)
class HangingCodeTest {

    @Test
    void aStuckTestTimesOutWithItsStackAndTheOthersStillEarnTheirPoints() throws URISyntaxException {
        Path submission = Path.of(HangingCodeTest.class.getResource("/scenarios/hangs-ignoring-interrupts").toURI());

        ExerciseResult result = Course.grade(submission, "spawn-join").exercises().get(0);

        TestResult stuck = result.tests().stream().filter(t -> t.id().equals("WorkersTest#runAllOfNoTasksReturnsAnEmptyList"))
                .findFirst().orElseThrow();
        assertThat(stuck.status()).isIn(TestStatus.FAILED, TestStatus.TIMED_OUT);
        assertThat(stuck.points()).isZero();
        assertThat(stuck.message()).contains("Workers.runAll(Workers.java:");
        assertThat(result.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(result.tests()).filteredOn(t -> t != stuck).allMatch(t -> t.status() == TestStatus.PASSED,
                "every other test passed: " + result.tests());
        assertThat(result.score()).isEqualTo(result.maxScore() - stuck.maxPoints());
    }
}

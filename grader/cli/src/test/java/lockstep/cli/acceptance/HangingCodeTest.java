package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test whose learner code never returns and ignores interrupts is stopped with the stack of
 * where it was stuck (by the suite's own bound, or else by the runner's time limit), and costs
 * only its own points: the exercise's other tests still run and pass. On a terminal (tmux, skipped
 * where it is missing), {@code ./grade} names the stuck test with its limit while it runs.
 */
@Timeout(300)
class HangingCodeTest {
    @TempDir
    Path dir;

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

    @Test
    void aTerminalNamesTheStuckTestAndItsLimitWhileItRunsThenErasesTheLine() throws Exception {
        assumeTrue(Tmux.works(), "no tmux on PATH: ./grade selftest installs it as root on Debian (apt-get install tmux)");
        Path submission = Path.of(HangingCodeTest.class.getResource("/scenarios/hangs-ignoring-interrupts").toURI());
        String command = "bash " + Course.REPO.resolve("grade") + " spawn-join --submission " + submission + " --json "
                + dir.resolve("results.json") + "; echo exit $?; sleep 600"; // the sleep keeps the screen to read
        try (Tmux tmux = Tmux.start("hanging-test", 160, command, dir.resolve("err.txt"))) {
            Pattern live = Pattern.compile("(?m)^\\s*… spawn-join: run all of no tasks returns an empty\\S* \\(running \\d+ s, limit [\\d.]+ s\\)$");
            tmux.awaitScreen(s -> live.matcher(s).find(), 240, "the live line on the stuck test");

            String done = tmux.awaitScreen(s -> s.contains("exit 0"), 240, "the report");
            assertThat(done).contains("Total: 21/22").doesNotContain("(running ");
        }
    }
}

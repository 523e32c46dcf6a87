package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fixture.ledger.tests.LedgerSuite;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The testkit's thread dumps follow the runner's rule: a suite in {@code fixture.ledger.tests} calls
 * learner code in {@code fixture.ledger}, whose frames are marked, while the testkit's, the suite's
 * lambdas and {@code Thread.run} are left out.
 */
@Timeout(60)
class LearnerFramesTest {

    @Test
    void aRealDeadlockMarksTheLearnersFramesOfBothThreadsAndShowsNoneOfTheGraders() {
        String message = catchThrowableOfType(AssertionError.class, LedgerSuite::crossingTransfers).getMessage();

        assertThat(message).startsWith("deadlock: transfer(a, b) did not finish within 2 s, because these threads"
                + " wait for each other forever:\n  thread \"lockstep-transfer(");
        assertThat(message).contains("thread \"lockstep-transfer(a, b)\" WAITING, waiting for ReentrantLock@",
                "held by thread \"lockstep-transfer(b, a)\"\n    holding ReentrantLock@",
                "thread \"lockstep-transfer(b, a)\" WAITING, waiting for ReentrantLock@");
        assertThat(message.split("\n    > at fixture\\.ledger\\.Ledger\\.transfer\\(Ledger\\.java:\\d+\\)\n")).hasSize(3);
        assertThat(message).containsPattern("\n      at jdk\\.internal\\.misc\\.Unsafe\\.park\\(Native Method\\)\n"
                + "      … \\d+ more JDK frames\n"
                + "      at java\\.util\\.concurrent\\.locks\\.ReentrantLock\\.lockInterruptibly\\(ReentrantLock\\.java:\\d+\\)\n"
                + "    > at fixture\\.ledger\\.Ledger\\.transfer\\(");
        assertThat(message).doesNotContain("Helper", "Thread.run", "LedgerSuite", "fixture.ledger.tests", "lambda$",
                "$$Lambda", "lockstep.", "org.junit");
        assertThat(message.lines().filter(line -> line.contains("> at")))
                .allMatch(line -> line.startsWith("    > at fixture.ledger.Ledger."));
    }

    @Test
    void aThreadLeftRunningShowsTheLearnersLambdaThatRunsIt() {
        CountDownLatch release = new CountDownLatch(1);
        try {
            String message = catchThrowableOfType(AssertionError.class, () -> LedgerSuite.auditorLeft(release)).getMessage();

            assertThat(message).contains("thread \"auditor\" WAITING, waiting for CountDownLatch@")
                    .containsPattern("\n    > at fixture\\.ledger\\.Ledger\\.awaitQuietly\\(Ledger\\.java:\\d+\\)\n"
                            + "    > at fixture\\.ledger\\.Ledger\\.lambda\\$startAuditor\\$0\\(Ledger\\.java:\\d+\\)\n"
                            + "Wait for every thread you start")
                    .doesNotContain("Thread.run", "LedgerSuite", "$$Lambda");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSpinningThreadShowsTheLearnersLoopAndNotTheHelperThatCalledIt() {
        String message = catchThrowableOfType(AssertionError.class, LedgerSuite::spinning).getMessage();

        assertThat(message).contains("It is here now:\n  thread \"lockstep-spinUntil\" RUNNABLE\n")
                .containsPattern("\n    > at fixture\\.ledger\\.Ledger\\.spinUntil\\(Ledger\\.java:\\d+\\)\nWait with something")
                .doesNotContain("Helper", "Thread.run", "LedgerSuite", "lambda$", "$$Lambda");
    }
}

package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import lockstep.engine.run.ChannelError;
import lockstep.engine.run.Stop;
import lockstep.engine.run.TestRun;
import lockstep.runner.protocol.Event;
import org.junit.jupiter.api.Test;

/** Each way a test or a run ended other than by the runner's report, in the words the learner reads. */
class RunTextsTest {
    private static final ChannelError TAMPERED = new ChannelError(ChannelError.Kind.TAMPERED, "bad seal on event 3");
    private static final ChannelError UNREADABLE = new ChannelError(ChannelError.Kind.UNREADABLE, "unknown event type 99");

    private static TestRun stopped(TestRun.Ending ending, Stop stop) {
        return new TestRun("uid", ending, Optional.empty(), "", Optional.of(stop), Event.Output.NONE, 0, 2_500);
    }

    private static String test(TestRun.Ending ending, Stop stop) {
        return RunTexts.test(stopped(ending, stop));
    }

    @Test
    void aRunThatEndedEarlySaysWhyInOneCapitalisedSentence() {
        assertThat(RunTexts.run(new Stop.Interrupted())).isEqualTo("Grading was interrupted.");
        assertThat(RunTexts.run(new Stop.NotStarted("error=2, No such file or directory")))
                .isEqualTo("Could not start the test JVM: error=2, No such file or directory.");
        assertThat(RunTexts.run(new Stop.ExerciseLimit(Duration.ofSeconds(90))))
                .isEqualTo("The exercise took longer than its limit of 90 s; the tests that had not finished earn nothing.");
        assertThat(RunTexts.run(new Stop.Exited(0, ""))).isEqualTo("The test JVM stopped with exit code 0 before it had run every test.");
        assertThat(RunTexts.run(new Stop.OutOfMemory("Metaspace", 256))).isEqualTo("The test JVM ran out of memory"
                + " (java.lang.OutOfMemoryError: Metaspace; its heap is limited to 256 MiB) before it had run every test.");
        assertThat(RunTexts.run(new Stop.BrokenChannel(TAMPERED, ""))).isEqualTo("Something other than the test runner wrote"
                + " to the grader's channel (bad seal on event 3), so nothing after that point can be trusted.");
    }

    @Test
    void tooManyDeathsCountsTheDeathsTheBoundAndTheTestsLeftInTheRightNumber() {
        assertThat(RunTexts.run(new Stop.TooManyDeaths(4, 3, 1))).isEqualTo("The test JVM died during 4 tests, and the grader"
                + " starts a fresh one at most 3 times per exercise, so the test that had not run earns nothing.");
        assertThat(RunTexts.run(new Stop.TooManyDeaths(4, 3, 2))).endsWith(", so the 2 tests that had not run earn nothing.");
    }

    @Test
    void aJvmThatStoppedDuringATestSaysItsExitCodeAndWhatItPrinted() {
        assertThat(test(TestRun.Ending.JVM_DIED, new Stop.Exited(7, "")))
                .isEqualTo("The test JVM stopped with exit code 7 during this test");
        assertThat(test(TestRun.Ending.JVM_DIED, new Stop.Exited(134, "# A fatal error has been detected")))
                .isEqualTo("The test JVM stopped with exit code 134 during this test; it printed:\n# A fatal error has been detected");
        assertThat(test(TestRun.Ending.JVM_DIED, new Stop.Exited(Stop.Exited.STILL_RUNNING, ""))).as("no exit code to tell")
                .isEqualTo("The test JVM stopped during this test");
    }

    @Test
    void aBrokenChannelSaysWhatWentWrongAndWhatTheJvmPrinted() {
        assertThat(test(TestRun.Ending.JVM_DIED, new Stop.BrokenChannel(TAMPERED, "fake results")))
                .isEqualTo("Something other than the test runner wrote to the grader's channel (bad seal on event 3), so nothing"
                        + " after that point can be trusted; it printed:\nfake results");
        assertThat(test(TestRun.Ending.JVM_DIED, new Stop.BrokenChannel(UNREADABLE, "")))
                .isEqualTo("The test JVM sent something the grader could not read (unknown event type 99)");
    }

    @Test
    void runningOutOfMemoryDuringATestSaysTheHeapLimitTheJvmsReasonAndWhereToLook() {
        assertThat(test(TestRun.Ending.OUT_OF_MEMORY, new Stop.OutOfMemory("Java heap space", 256)))
                .isEqualTo("Out of memory: your code used up the test JVM's memory during this test (its heap is limited to"
                        + " 256 MiB), so the JVM stopped (java.lang.OutOfMemoryError: Java heap space). Look for a loop that"
                        + " keeps allocating, or a collection that only grows.");
    }

    @Test
    void aTimedOutTestSaysItsLimitAndWhoStoppedIt() {
        TestRun byTheWatchdog = new TestRun("uid", TestRun.Ending.TIMED_OUT, Optional.empty(), "\"main\" RUNNABLE\n  at a.B.c(B.java:3)\n",
                Optional.empty(), Event.Output.NONE, 2_500, 2_500);
        assertThat(RunTexts.test(byTheWatchdog)).isEqualTo("Timed out after 2.5 s: your code was still running (a deadlock, a"
                + " lost wake-up, or a wait that never ends?).\nWhere the test's threads were:\n\"main\" RUNNABLE\n  at a.B.c(B.java:3)");
        TestRun marked = new TestRun("uid", TestRun.Ending.TIMED_OUT, Optional.empty(), "\"t\" WAITING\n    at java.lang.Object.wait0(Native"
                + " Method)\n  > at a.B.c(B.java:3)\n\"lockstep-x\" WAITING: a thread of the test's own, not running your code\n",
                Optional.empty(), Event.Output.NONE, 2_000, 2_000);
        assertThat(RunTexts.test(marked)).endsWith("wait that never ends?).\nWhere the test's threads were (> marks your code):\n"
                + "\"t\" WAITING\n    at java.lang.Object.wait0(Native Method)\n  > at a.B.c(B.java:3)\n\"lockstep-x\" WAITING: a thread"
                + " of the test's own, not running your code");
        assertThat(test(TestRun.Ending.TIMED_OUT, new Stop.Unanswered()))
                .isEqualTo("Timed out after 2.5 s: the test JVM stopped answering, so it was killed.");
        assertThat(test(TestRun.Ending.TIMED_OUT, new Stop.ExerciseLimit(Duration.ofSeconds(90))))
                .isEqualTo("Timed out after 2.5 s: the exercise's overall time limit ran out during this test.");
    }

    @Test
    void aTestThatNeverRanSaysWhyAsTheRunDoes() {
        assertThat(test(TestRun.Ending.NOT_RUN, new Stop.Unreported())).isEqualTo("Not run: the runner did not report this test.");
        assertThat(test(TestRun.Ending.NOT_RUN, new Stop.ExerciseLimit(Duration.ofSeconds(90))))
                .isEqualTo("Not run: the exercise took longer than its limit of 90 s; the tests that had not finished earn nothing.");
        assertThat(test(TestRun.Ending.NOT_RUN, new Stop.Exited(0, "")))
                .isEqualTo("Not run: the test JVM stopped with exit code 0 before it had run every test.");
    }

    @Test
    void aReportedEndingIsNotTheirsToWord() {
        TestRun passed = new TestRun("uid", TestRun.Ending.SUCCESSFUL, Optional.empty(), "", Optional.empty(), Event.Output.NONE, 1, 2_500);

        assertThatThrownBy(() -> RunTexts.test(passed)).isInstanceOf(IllegalArgumentException.class);
    }
}

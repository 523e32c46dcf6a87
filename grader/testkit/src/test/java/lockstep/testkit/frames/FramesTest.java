package lockstep.testkit.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import lockstep.testkit.frames.Frames.Origin;
import lockstep.testkit.frames.Frames.Row;
import org.junit.jupiter.api.Test;

class FramesTest {
    private static final Frames BANK = new Frames("ch10.bank");

    private static StackTraceElement frame(String cls, String method) {
        return new StackTraceElement(cls, method, null, 1);
    }

    private static StackTraceElement[] trace(String... frames) {
        return Stream.of(frames).map(f -> frame(f.substring(0, f.lastIndexOf('.')), f.substring(f.lastIndexOf('.') + 1)))
                .toArray(StackTraceElement[]::new);
    }

    @Test
    void theLearnersFramesAreThoseOfTheirPackageNestedClassesAndLambdasIncluded() {
        assertThat(BANK.origin(frame("ch10.bank.Bank", "transfer"))).isEqualTo(Origin.LEARNER);
        assertThat(BANK.origin(frame("ch10.bank.Bank$Account", "withdraw"))).isEqualTo(Origin.LEARNER);
        assertThat(BANK.origin(frame("ch10.bank.Bank", "lambda$transfer$0"))).isEqualTo(Origin.LEARNER);
        assertThat(BANK.origin(frame("ch10.bank.tests.BankTest", "lambda$deadlock$1"))).isEqualTo(Origin.GRADER);
        assertThat(BANK.origin(frame("ch10.bankx.Other", "run"))).isEqualTo(Origin.JDK);
        assertThat(BANK.origin(frame("lockstep.testkit.Helper", "lambda$new$0"))).isEqualTo(Origin.GRADER);
        assertThat(BANK.origin(frame("org.junit.platform.Engine", "execute"))).isEqualTo(Origin.GRADER);
        assertThat(BANK.origin(frame("java.lang.Thread", "run"))).isEqualTo(Origin.JDK);
    }

    @Test
    void theLearnersPackageIsThatOfTheSuiteWithoutItsLastPart() {
        assertThat(Frames.learnerPackageOfSuite("ch10.bank.tests.BankTest")).contains("ch10.bank");
        assertThat(Frames.learnerPackageOfSuite("ch10.bank.tests.BankTest$Nested")).contains("ch10.bank");
        assertThat(Frames.learnerPackageOfSuite("ch10.bank.Bank")).isEmpty();
        assertThat(Frames.learnerPackageOfSuite("lockstep.testkit.Helper")).isEmpty();
        assertThat(Frames.learnerPackageOfSuite("tests.Plain")).isEmpty();
        assertThat(Frames.learnerPackageOfSuite("Plain")).isEmpty();
    }

    @Test
    void withoutAPackageEveryFrameNeitherTheJdksNorTheGradersIsTheLearners() {
        Frames unknown = new Frames("");
        assertThat(unknown.origin(frame("ch10.bank.Bank", "transfer"))).isEqualTo(Origin.LEARNER);
        assertThat(unknown.origin(frame("lockstep.testkit.Helper", "join"))).isEqualTo(Origin.GRADER);
        assertThat(unknown.origin(frame("java.lang.Object", "wait"))).isEqualTo(Origin.JDK);
    }

    @Test
    void aThreadShowsWhereItBlocksInTheJdkAndItsOwnFramesButNoPlumbingBelowThem() {
        StackTraceElement[] stack = trace("java.lang.Object.wait0", "java.lang.Object.wait", "ch10.bank.Bank.await",
                "ch10.bank.Bank.lambda$run$0", "java.util.concurrent.FutureTask.run",
                "java.util.concurrent.ThreadPoolExecutor.runWorker", "java.util.concurrent.ThreadPoolExecutor$Worker.run",
                "java.lang.Thread.runWith", "java.lang.Thread.run");

        assertThat(BANK.rows(stack)).containsExactly(new Row.Frame(0, false), new Row.Frame(1, false), new Row.Frame(2, true),
                new Row.Frame(3, true));
    }

    @Test
    void manyJdkFramesAreFoldedToTheFirstAndTheCallTheLearnerMade() {
        StackTraceElement[] stack = trace("jdk.internal.misc.Unsafe.park", "java.util.concurrent.locks.LockSupport.park",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                "java.util.concurrent.locks.ReentrantLock$Sync.lock", "java.util.concurrent.locks.ReentrantLock.lock",
                "ch10.bank.Bank.transfer", "ch10.bank.tests.BankTest.lambda$deadlock$0", "lockstep.testkit.Helper.lambda$new$0",
                "java.lang.Thread.run");

        assertThat(BANK.rows(stack)).containsExactly(new Row.Frame(0, false), new Row.Fold("… 4 more JDK frames"),
                new Row.Frame(5, false), new Row.Frame(6, true));
    }

    @Test
    void theLambdaGlueThatThreadDumpsListIsNeverShown() {
        StackTraceElement[] stack = trace("jdk.internal.misc.Unsafe.park", "java.util.concurrent.CountDownLatch.await",
                "ch10.bank.Bank.await", "ch10.bank.Bank.lambda$audit$0", "ch10.bank.Bank$$Lambda/0x0000001d291f90.run",
                "java.lang.Thread.runWith", "java.lang.Thread.run");
        StackTraceElement[] between = trace("java.lang.Object.wait", "ch10.bank.Bank.lambda$each$1",
                "ch10.bank.Bank$$Lambda/0x0000001d2a0000.accept", "java.util.ArrayList.forEach", "ch10.bank.Bank.each");

        assertThat(BANK.origin(stack[4])).isEqualTo(Origin.GLUE);
        assertThat(BANK.rows(stack)).containsExactly(new Row.Frame(0, false), new Row.Frame(1, false), new Row.Frame(2, true),
                new Row.Frame(3, true));
        assertThat(BANK.rows(between)).containsExactly(new Row.Frame(0, false), new Row.Frame(1, true), new Row.Frame(3, false),
                new Row.Frame(4, true));
    }

    @Test
    void theTestsOwnCodeThatTheLearnerCalledIsOneLine() {
        StackTraceElement[] stack = trace("jdk.internal.misc.Unsafe.park", "java.util.concurrent.CountDownLatch.await",
                "lockstep.testkit.WaitingTasks.await", "ch10.bank.tests.BankTest.lambda$tasks$2",
                "java.util.concurrent.FutureTask.run", "ch10.bank.Bank.runTask", "java.lang.Thread.run");

        assertThat(BANK.rows(stack)).containsExactly(new Row.Fold("… the test's own code"), new Row.Frame(4, false),
                new Row.Frame(5, true));
    }

    @Test
    void aThreadWithoutTheLearnersFramesHasNoRowsAndSaysWhetherItIsTheTests() {
        StackTraceElement[] helper = trace("java.lang.Thread.sleep", "ch10.bank.tests.BankTest.lambda$helper$3", "java.lang.Thread.run");
        StackTraceElement[] pool = trace("jdk.internal.misc.Unsafe.park", "java.util.concurrent.ThreadPoolExecutor.getTask",
                "java.lang.Thread.run");

        assertThat(BANK.rows(helper)).isEmpty();
        assertThat(BANK.runsGraderCode(helper)).isTrue();
        assertThat(BANK.runsLearnerCode(pool)).isFalse();
        assertThat(BANK.runsGraderCode(pool)).isFalse();
        assertThat(BANK.rows(trace())).isEqualTo(List.of());
    }
}

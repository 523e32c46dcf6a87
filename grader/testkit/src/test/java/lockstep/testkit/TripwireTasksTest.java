package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TripwireTasksTest {

    @RepeatedTest(3)
    void aThreadStartedBeforeTheCheckIsGivenTheTimeToRunItsTask() throws Exception {
        TripwireTasks wire = Lockstep.tripwireTasks();
        Callable<Integer> task = wire.task();
        Thread started = new Thread(() -> {
            try {
                Thread.sleep(300); // has not run its task when the test looks
                task.call();
            } catch (Exception e) {
                // the test is over
            }
        }, "learner-thread");
        started.setDaemon(true);
        started.start();
        assertThatThrownBy(() -> wire.assertNoneRan("runAll([task, null])", "Check first."))
                .hasMessage("[how many tasks ran although runAll([task, null]) threw] expected none, but 1 task ran:"
                        + " Check first.");
    }

    @Test
    void aThreadThatNeverRunsATaskCostsAtMostASecondAndNotTheVerdict() throws Exception {
        TripwireTasks wire = Lockstep.tripwireTasks();
        wire.task();
        Thread unrelated = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // the test is over
            }
        }, "someone-else");
        unrelated.setDaemon(true);
        unrelated.start();
        long start = System.nanoTime();
        assertThatCode(() -> wire.assertNoneRan("runAll([task, null])", "Check first.")).doesNotThrowAnyException();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Lockstep.scaled(Duration.ofSeconds(3)));
        unrelated.interrupt();
    }

    @Test
    void aTaskThatRanIsCounted() throws Exception {
        TripwireTasks wire = Lockstep.tripwireTasks();
        Lockstep.startCalling("a task", wire.task()).join(Duration.ofSeconds(5));
        assertThatThrownBy(() -> wire.assertNoneRan("runAll([task, null])", "Check first."))
                .hasMessage("[how many tasks ran although runAll([task, null]) threw] expected none, but 1 task ran:"
                        + " Check first.");
    }

    @Test
    void nothingStartedPasses() {
        TripwireTasks wire = Lockstep.tripwireTasks();
        wire.task();
        assertThatCode(() -> wire.assertNoneRan("runAll([task, null])", "Check first.")).doesNotThrowAnyException();
    }
}

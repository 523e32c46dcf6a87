package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RendezvousTest {

    @Test
    void tasksOnTheirOwnThreadsMeet() throws Exception {
        Rendezvous meet = Lockstep.rendezvous(6);
        List<Helper<Boolean>> helpers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            helpers.add(Lockstep.startCalling("task " + i, meet::arrive));
        }
        for (Helper<Boolean> helper : helpers) {
            assertThat(helper.join(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(meet.mostAtOnce()).isEqualTo(6);
        meet.assertAllMet();
    }

    @Test
    void tasksRunOneAfterAnotherAreReportedSoAndCostOnlyOneWait() {
        // One wait of 1 s against eight (8 s): the bound in between leaves 3 s for a busy machine.
        Rendezvous meet = Lockstep.rendezvous(8, Duration.ofSeconds(1));
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            assertThat(meet.arrive()).isFalse();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Lockstep.scaled(Duration.ofSeconds(4)));
        assertThatThrownBy(meet::assertAllMet)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 8 tasks to run at the same time, but at most 1 was running at once:"
                        + " the tasks ran one after another")
                .hasMessageContaining("only 1 thread");
    }

    @Test
    void partialOverlapIsReportedWithTheMostInFlight() throws Exception {
        // b is started only once a is waiting, and a waits 3 s for it: they overlap however slow
        // the machine is at starting a thread.
        Rendezvous meet = Lockstep.rendezvous(4, Duration.ofSeconds(3));
        Helper<Boolean> a = Lockstep.startCalling("task a", meet::arrive);
        Lockstep.await("task a to arrive", Duration.ofSeconds(10)).until(() -> meet.arrived() == 1);
        Helper<Boolean> b = Lockstep.startCalling("task b", meet::arrive);
        assertThat(a.join(Duration.ofSeconds(10))).isFalse();
        assertThat(b.join(Duration.ofSeconds(10))).isFalse();
        assertThatThrownBy(meet::assertAllMet)
                .hasMessageContaining("at most 2 were running at once")
                .hasMessageContaining("only 2 of the 4 tasks started");
    }

    @Test
    void noArrivalAtAllIsReported() {
        Rendezvous meet = Lockstep.rendezvous(3);
        assertThatThrownBy(meet::assertAllMet).hasMessageContaining("none of them ever started")
                .hasMessageEndingWith("start every thread first, and only then wait for them.");
    }

    @Test
    void theAdviceIsTheExercisesOwn() {
        Rendezvous meet = Lockstep.rendezvous(2, Duration.ofMillis(50));
        meet.arrive();
        assertThatThrownBy(() -> meet.assertAllMet("Send every request first, then wait."))
                .hasMessageContaining("at most 1 was running at once")
                .hasMessageEndingWith("for the others to start. Send every request first, then wait.")
                .hasMessageNotContaining("start every thread first");
    }

    @Test
    void tasksThatArriveAfterTheCheckBeganAreStillJudgedByWhetherTheyMet() throws Exception {
        // The tasks of a call that did not wait for them may run only after the test looks.
        Rendezvous meet = Lockstep.rendezvous(3);
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < 3; i++) {
                Lockstep.startCalling("late task " + i, meet::arrive);
            }
        });
        late.setDaemon(true);
        late.start();
        meet.assertAllMet();
    }
}

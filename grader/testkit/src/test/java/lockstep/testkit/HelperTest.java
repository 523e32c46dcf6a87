package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Helper#join(Duration, String)}: a call that should have ended says why it matters, then where it waits. */
@Timeout(60)
class HelperTest {

    @Test
    void codeStillRunningAfterTheLimitFailsWithWhatItMeansThenWhereItWaitsAndIsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Helper<Void> call = Lockstep.startRunning("recv() on an empty channel", never::await);
        Duration limit = Duration.ofMillis(200);

        assertThatThrownBy(() -> call.join(limit, "close() must wake the waiting receiver."))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("close() must wake the waiting receiver.\nrecv() on an empty channel did not finish:"
                        + " still waiting after " + ThreadDump.format(Lockstep.scaled(limit)))
                .hasMessageContaining("waiting for CountDownLatch@");
        call.thread().join(Duration.ofSeconds(10));
        assertThat(call.isFinished()).as("interrupted at the limit, the await ends").isTrue();
    }

    @Test
    void codeThatEndsInTimeGivesItsResultWhateverTheMeaning() throws Exception {
        Helper<Integer> call = Lockstep.startCalling("adding", () -> 1 + 2);

        assertThat(call.join(Duration.ofSeconds(10), "it must add")).isEqualTo(3);
    }

    @Test
    void joinAllReportsAThrownExceptionBeforeAStuckThreadWhicheverComesFirstInOrder() throws Exception {
        // Which of several threads runs into a bug first is up to the scheduler: a mutex whose close() forgets to
        // unlock makes the thread that got the lock first throw, and the others wait for ever. The failure must be
        // the same whichever thread that was.
        for (boolean stuckFirst : new boolean[] {true, false}) {
            CountDownLatch never = new CountDownLatch(1);
            IllegalStateException boom = new IllegalStateException("already held by this thread");
            Helper<Void> stuck = Lockstep.startRunning("waiting for ever", never::await);
            Helper<Void> thrower = Lockstep.startRunning("throwing", () -> {
                throw boom;
            });
            List<Helper<Void>> helpers = stuckFirst ? List.of(stuck, thrower) : List.of(thrower, stuck);

            assertThatThrownBy(() -> Helper.joinAll(helpers, Duration.ofMillis(200))).as("stuck first: %s", stuckFirst)
                    .isSameAs(boom);
            stuck.thread().join(Duration.ofSeconds(5));
            assertThat(stuck.isFinished()).as("the stuck thread was interrupted, stuck first: %s", stuckFirst).isTrue();
        }
    }

    @Test
    void joinAllReportsAStuckThreadWhenNoneThrewAndGivesTheResultsInOrderOtherwise() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Helper<Integer> one = Lockstep.startCalling("one", () -> 1);
        Helper<Integer> stuck = Lockstep.startCalling("waiting for ever", () -> {
            never.await();
            return 0;
        });

        assertThatThrownBy(() -> Helper.joinAll(List.of(one, stuck), Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("waiting for ever");
        assertThat(Helper.joinAll(List.of(one, Lockstep.startCalling("two", () -> 2)), Duration.ofSeconds(10)))
                .containsExactly(1, 2);
    }
}

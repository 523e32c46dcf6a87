package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}

package lockstep.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A burst of pokes is one call; a poke after the quiet period is another. */
@Timeout(60)
class DebouncerTest {
    @Test
    void aBurstOfPokesIsOneCall() throws Exception {
        Semaphore calls = new Semaphore(0);
        // A quiet period far longer than the burst takes, however slow the machine.
        try (Debouncer debouncer = new Debouncer(Duration.ofSeconds(2), calls::release)) {
            for (int i = 0; i < 20; i++) {
                debouncer.poke();
            }
            assertThat(calls.tryAcquire(20, TimeUnit.SECONDS)).as("one call after the burst").isTrue();
            assertThat(calls.tryAcquire(3, TimeUnit.SECONDS)).as("and only one").isFalse();

            debouncer.poke();
            assertThat(calls.tryAcquire(20, TimeUnit.SECONDS)).as("a later poke is another call").isTrue();
        }
    }

    @Test
    void noCallAfterClose() throws Exception {
        Semaphore calls = new Semaphore(0);
        Debouncer debouncer = new Debouncer(Duration.ofMillis(200), calls::release);
        debouncer.poke();
        debouncer.close();
        debouncer.poke();

        assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
    }
}

package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AwaitTest {

    @Test
    void pollsInTheCallingThreadUntilTheConditionHolds() {
        Thread test = Thread.currentThread();
        AtomicInteger polls = new AtomicInteger();
        Lockstep.await("three polls", Duration.ofSeconds(2)).until(() -> {
            assertThat(Thread.currentThread()).isSameAs(test);
            return polls.incrementAndGet() >= 3;
        });
        assertThat(polls).hasValue(3);
    }

    @Test
    void timesOutAfterTheScaledBoundNamingTheAlias() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Lockstep.await("all 4 tasks to start", Duration.ofMillis(200)).until(() -> false))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessageContaining("all 4 tasks to start");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}

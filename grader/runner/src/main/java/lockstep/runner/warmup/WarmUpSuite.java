package lockstep.runner.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A suite of the runner's own that a test JVM booted ahead runs once, before the learner's classes
 * exist: JUnit's discovery and execution and AssertJ's assertions are then initialised and partly
 * compiled, so the real suite starts sooner after a save. It touches nothing of the learner's.
 */
class WarmUpSuite {

    @Test
    void assertionsOnValuesCollectionsAndExceptions() {
        List<Integer> values = new ArrayList<>(List.of(3, 1, 2));
        assertThat(values).as("values").hasSize(3).containsExactlyInAnyOrder(1, 2, 3).doesNotContainNull();
        assertThat(Map.of("a", 1)).containsEntry("a", 1);
        assertThat(7L).as("a total").isEqualTo(7L).isBetween(1L, 9L);
        assertThat("text").startsWith("te").isNotBlank();
        assertThat(Duration.ofMillis(5)).isLessThan(Duration.ofSeconds(1));
        assertThat(true).as("a flag").isTrue();
        assertThatThrownBy(() -> {
            throw new IllegalStateException("warm");
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("warm");
        assertThat(catchThrowable(() -> List.of().get(0))).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void threadsLatchesAndFutures() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Thread platform = Thread.ofPlatform().name("lockstep-warm-up").start(started::countDown);
        Thread virtual = Thread.ofVirtual().name("lockstep-warm-up").start(started::countDown);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        platform.join();
        virtual.join();
        // Completed by hand: the common pool is left alone, as the suites find it.
        CompletableFuture<Integer> one = new CompletableFuture<>();
        CompletableFuture<Integer> two = one.thenApply(x -> x + 1);
        one.complete(1);
        assertThat(two.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }
}

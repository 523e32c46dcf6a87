package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ContentionTest {

    @Test
    void theThreadsOverlapAndEachWorksUntilTheWindowCloses() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        long start = System.nanoTime();
        // Each thread stays in the window until it closes: all 3 are inside at once at some point (1 s leaves a
        // busy machine time to wake every thread from the gate while the others are still inside).
        List<Integer> steps = Lockstep.<Integer>contend("worker", 3, Duration.ofSeconds(1), (i, window) -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            int n = 0;
            while (window.isOpen()) {
                n++;
                Thread.sleep(1);
            }
            inside.decrementAndGet();
            return n;
        }).join(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(steps).hasSize(3).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(mostInside.get()).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Lockstep.scaled(Duration.ofSeconds(9)));
    }

    @Test
    void aSlowStepOnlyMeansFewerStepsNeverALongerWait() throws Exception {
        // A fair lock held 20 ms per step by 4 threads: at most 10 steps in all fit in the 200 ms window, and
        // each thread ends with the step it was in (or queued for) when the window closed: at most 4 more.
        ReentrantLock fair = new ReentrantLock(true);
        long start = System.nanoTime();
        List<Integer> steps = Lockstep.<Integer>contend("slow worker", 4, Duration.ofMillis(200), (i, window) -> {
            int n = 0;
            while (window.isOpen()) {
                fair.lock();
                try {
                    Thread.sleep(20);
                } finally {
                    fair.unlock();
                }
                n++;
            }
            return n;
        }).join(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int fit = (int) (Lockstep.scaled(Duration.ofMillis(200)).toMillis() / 20);
        assertThat(steps.stream().mapToInt(Integer::intValue).sum()).isBetween(1, fit + 4);
        assertThat(took).isLessThan(Lockstep.scaled(Duration.ofSeconds(8)));
    }

    @Test
    void eachThreadGetsItsOwnIndexAndTheResultsComeInThatOrder() throws Exception {
        List<Integer> indexes = Lockstep.<Integer>contend("numbered", 5, Duration.ofMillis(10), (i, window) -> i)
                .join(Duration.ofSeconds(10));
        assertThat(indexes).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void whatAThreadThrowsComesBackFromJoin() {
        IOException thrown = new IOException("boom");
        assertThatThrownBy(() -> Lockstep.contend("failing", 2, Duration.ofMillis(10), (i, window) -> {
            throw thrown;
        }).join(Duration.ofSeconds(10))).isSameAs(thrown);
    }

    @Test
    void stopInterruptsTheThreadsStillRunning() {
        Contention<Void> waiting = Lockstep.contend("waiting", 2, Duration.ofMillis(10), (i, window) -> {
            Thread.sleep(60_000);
            return null;
        });
        waiting.stop();
        assertThatThrownBy(() -> waiting.join(Duration.ofSeconds(10))).isInstanceOf(InterruptedException.class);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Lockstep.contend("none", 0, Duration.ofMillis(10), (i, window) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lockstep.contend("none", 1, Duration.ZERO, (i, window) -> 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

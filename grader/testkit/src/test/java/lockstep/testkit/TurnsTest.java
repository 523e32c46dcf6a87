package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TurnsTest {

    @RepeatedTest(5)
    void threadsEndInTheChosenOrder() throws Exception {
        Turns turns = Lockstep.turns(6);
        ConcurrentLinkedQueue<Integer> ended = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int task = i;
            Thread t = new Thread(() -> {
                turns.take(5 - task);
                ended.add(task);
            });
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(5));
        }
        assertThat(turns.kept()).isTrue();
        assertThat(ended).containsExactly(5, 4, 3, 2, 1, 0);
    }

    @Test
    void oneThreadTakingAllTurnsBreaksThemAtOnce() {
        Turns turns = Lockstep.turns(4);
        long start = System.nanoTime();
        turns.take(0);
        turns.take(1);
        turns.take(2);
        turns.take(3);
        assertThat(turns.kept()).isFalse();
        // At once: well under the 3 s a turn may wait.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void turnsTakenOutOfOrderByOneThreadBreakAfterOneWait() {
        // One wait of 2 s (take(2)); waiting again in take(1) would make it 4 s.
        Turns turns = new Turns(3, Duration.ofSeconds(2));
        long start = System.nanoTime();
        turns.take(2);
        turns.take(1);
        turns.take(0);
        assertThat(turns.kept()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Lockstep.scaled(Duration.ofSeconds(2)))
                .isLessThan(Lockstep.scaled(Duration.ofMillis(3_500)));
    }
}

package ch10.mutex;

import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.threadSnapshot;
import static lockstep.testkit.Lockstep.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import lockstep.testkit.Bound;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.ThreadSnapshot;
import org.junit.jupiter.api.Test;

class CounterTest {

    private static final Bound COUNTING = Bound.of(Duration.ofSeconds(6));

    @Test
    @Points(3)
    @Hint("Read, add and write inside ONE lock()/close(): if the read and the write are in two separate guards,"
            + " another thread can write in between and its increment is lost.")
    void countConcurrentlyReturnsTheExactTotalUnderContention() throws Exception {
        long total = COUNTING.call("Counter.countConcurrently(4, 250000)", () -> Counter.countConcurrently(4, 250_000));
        assertThat(total)
                .as("Counter.countConcurrently(4, 250000): 4 threads each adding 1, 250000 times, to one shared"
                        + " Mutex<Long>; fewer means increments were lost")
                .isEqualTo(1_000_000L);
    }

    @Test
    @Points(2)
    @Hint("Start one new platform thread per worker (the Java side of Rust's thread::spawn with an Arc clone each),"
            + " and join every one of them before reading the count.")
    void countConcurrentlyStartsOneThreadPerWorkerAndWaitsForThem() throws Exception {
        ThreadSnapshot before = threadSnapshot();
        StartedThreads started = countStartedThreads();
        long total = COUNTING.call("Counter.countConcurrently(6, 1000)", () -> {
            long count = Counter.countConcurrently(6, 1000);
            before.ignoring(t -> t == Thread.currentThread()).assertNoNewThreadAlive("Counter.countConcurrently");
            return count;
        });
        started.assertAtLeast(6, "Counter.countConcurrently(6, 1000)");
        assertThat(total).as("Counter.countConcurrently(6, 1000)").isEqualTo(6000L);
    }

    @Test
    @Points(1)
    @Hint("No threads, or threads that add nothing: the count stays 0.")
    void countConcurrentlyWithZeroThreadsOrZeroIncrementsIsZero() throws Exception {
        assertThat(within(Duration.ofSeconds(2)).call("Counter.countConcurrently(0, 10)",
                () -> Counter.countConcurrently(0, 10))).as("Counter.countConcurrently(0, 10)").isZero();
        assertThat(within(Duration.ofSeconds(2)).call("Counter.countConcurrently(3, 0)",
                () -> Counter.countConcurrently(3, 0))).as("Counter.countConcurrently(3, 0)").isZero();
    }

    @Test
    @Points(1)
    @Hint("Check both arguments first and throw IllegalArgumentException for a negative one, before starting threads.")
    void countConcurrentlyRejectsNegativeArguments() {
        assertThatThrownBy(() -> Counter.countConcurrently(-1, 10))
                .as("Counter.countConcurrently(-1, 10)").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Counter.countConcurrently(2, -5))
                .as("Counter.countConcurrently(2, -5)").isInstanceOf(IllegalArgumentException.class);
    }
}

package ch10.mutex.tests;

import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.threadSnapshot;
import static lockstep.testkit.Lockstep.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch10.mutex.Counter;
import ch10.mutex.Mutex;
import java.time.Duration;
import lockstep.testkit.Bound;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.ThreadSnapshot;
import org.junit.jupiter.api.Test;

class CounterTest {

    private static final Bound COUNTING = Bound.of(Duration.ofSeconds(6));

    /** The most increments per thread in one call of the contention test. */
    private static final int LARGEST_CALL = 2_000_000;

    /** A call that takes this long lets the threads interleave often enough to show lost updates. */
    private static final Duration LONG_CALL = Duration.ofMillis(300);

    @Test
    @Points(3)
    @Hint("Read, add and write inside ONE lock()/close(): if the read and the write are in two separate guards,"
            + " another thread can write in between and its increment is lost.")
    void countConcurrentlyReturnsTheExactTotalUnderContention() throws Exception {
        // Lost updates only show when the threads really interleave, which takes each thread running
        // for many scheduler time slices. The calls grow until one takes 300 ms (or reaches the largest
        // size) and that size is counted twice, so a slow but correct Mutex still finishes in time.
        int perThread = 25_000;
        int largeCalls = 0;
        while (largeCalls < 2) {
            int n = perThread;
            long start = System.nanoTime();
            long total = COUNTING.call("Counter.countConcurrently(4, " + n + ")", () -> Counter.countConcurrently(4, n));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long expected = 4L * n;
            assertThat(total)
                    .as("Counter.countConcurrently(4, %d): 4 threads each adding 1, %d times, to one shared Mutex<Long>"
                            + " should give %d; %d increments were lost", n, n, expected, expected - total)
                    .isEqualTo(expected);
            if (n >= LARGEST_CALL || took.compareTo(LONG_CALL) >= 0) {
                largeCalls++;
            } else {
                perThread = Math.min(LARGEST_CALL, perThread * 2);
            }
        }
    }

    @Test
    @Points(2)
    @Hint("Start one new platform thread per worker (the Java side of Rust's thread::spawn with an Arc clone each),"
            + " and join every one of them before reading the count.")
    void countConcurrentlyStartsOneThreadPerWorkerAndWaitsForThem() throws Exception {
        ThreadSnapshot before = threadSnapshot();
        StartedThreads started = countStartedThreads();
        // The total is checked by the contention test; this one is about the threads.
        COUNTING.run("Counter.countConcurrently(6, 1000)", () -> {
            Counter.countConcurrently(6, 1000);
            before.ignoring(t -> t == Thread.currentThread()).assertNoNewThreadAlive("Counter.countConcurrently");
        });
        started.assertAtLeast(6, "Counter.countConcurrently(6, 1000)");
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

package ch10.mutex.tests;

import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.rounds;
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
import lockstep.testkit.Rounds;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.ThreadSnapshot;
import org.junit.jupiter.api.Test;

class CounterTest {

    /**
     * The bound of one call of Counter.countConcurrently. A call of the contention test is small (40,000
     * increments): even a fair lock, which hands over at every increment with a thread switch (a lock convoy),
     * finishes one within about a second on a loaded 2-core machine.
     */
    private static final Bound COUNTING = Bound.of(Duration.ofSeconds(6));

    /** The increments per thread in one call of the contention test. */
    private static final int PER_THREAD = 10_000;

    /**
     * How the contention test repeats its call: until one loses an update, or until 2 s (scaled) are spent (or
     * 1,000 calls were right). The budget, not a count, decides how many calls run: a fast Mutex makes hundreds,
     * a slow one a few, and each is judged on whether its counts were exact, never on how many it managed.
     */
    private static final Rounds CALLS = rounds(1_000, Duration.ofSeconds(2));

    @Test
    @Points(3)
    @Hint("Read, add and write inside ONE lock()/close(): if the read and the write are in two separate guards,"
            + " another thread can write in between and its increment is lost.")
    void countConcurrentlyReturnsTheExactTotalUnderContention() throws Exception {
        // Lost updates only show when the threads interleave at the wrong moment, and the threads are Counter's
        // own, so the test cannot start them together: it repeats a small call for a time budget instead (a
        // Counter that reads and writes in two guards loses updates in about one call in 10 to 20 on a loaded
        // machine, and makes hundreds of calls in the budget). Every call has the same size, so a correct but
        // slow Mutex (a fair lock, a FIFO queue) makes fewer calls, never a larger one: the verdict depends on
        // the counts alone.
        long expected = 4L * PER_THREAD;
        CALLS.run(call -> {
            long total = COUNTING.call("Counter.countConcurrently(4, " + PER_THREAD + ")",
                    () -> Counter.countConcurrently(4, PER_THREAD));
            assertThat(total)
                    .as("Counter.countConcurrently(4, %d): 4 threads each adding 1, %d times, to one shared"
                            + " Mutex<Long> should give %d; %d increments were lost", PER_THREAD, PER_THREAD,
                            expected, expected - total)
                    .isEqualTo(expected);
        });
    }

    @Test
    @Points(2)
    @Hint("Start one new platform thread per worker (new Thread(...) or Thread.ofPlatform()), all sharing one Mutex,"
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
        assertThatThrownBy(() -> Counter.countConcurrently(-1, 10),
                "Counter.countConcurrently(-1, 10)").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Counter.countConcurrently(2, -5),
                "Counter.countConcurrently(2, -5)").isInstanceOf(IllegalArgumentException.class);
    }
}

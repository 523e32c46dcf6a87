package ch10.mutex.tests;

import static lockstep.testkit.Lockstep.assertParked;
import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.contend;
import static lockstep.testkit.Lockstep.rounds;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch10.mutex.Mutex;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lockstep.testkit.Bound;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rounds;
import org.junit.jupiter.api.Test;

class MutexTest {

    /** The longest a call that should not wait for anyone may take, before the slack factor. */
    private static final Bound QUICK = Bound.of(Duration.ofSeconds(2));

    /** How long the threads of the lost-update test increment at once in one round, before the slack factor. */
    private static final Duration WINDOW = Duration.ofMillis(100);

    /** How the lost-update test repeats its window: until one loses an update, 5 rounds were right, or 1 s is spent. */
    private static final Rounds INCREMENT_ROUNDS = rounds(5, Duration.ofSeconds(1));

    /** How long a helper thread holds the lock at most before it lets go on its own. */
    private static final Duration HOLD_PATIENCE = Duration.ofSeconds(6);

    @Test
    @Points(1)
    @Hint("lock() returns a guard; get() and set() on it read and replace the value the mutex was created with.")
    void lockGivesTheValueThroughItsGuard() throws Exception {
        Mutex<String> mutex = new Mutex<>("start");
        QUICK.run("lock(), get(), set(\"next\"), get() on a free mutex", () -> {
            try (Mutex.Guard<String> guard = mutex.lock()) {
                assertThat(guard.get()).as("guard.get() on a new Mutex<>(\"start\")").isEqualTo("start");
                guard.set("next");
                assertThat(guard.get()).as("guard.get() after guard.set(\"next\")").isEqualTo("next");
            }
        });
    }

    @Test
    @Points(1)
    @Hint("There is one value inside the mutex: what a guard set stays there for the next guard, on any thread.")
    void aValueSetThroughAGuardIsSeenByTheNextLockOnAnyThread() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(1);
        QUICK.run("lock() and set(2), close, then lock() again", () -> {
            try (Mutex.Guard<Integer> guard = mutex.lock()) {
                guard.set(2);
            }
            try (Mutex.Guard<Integer> guard = mutex.lock()) {
                assertThat(guard.get()).as("the value the next guard sees after a guard set 2 and was closed")
                        .isEqualTo(2);
            }
        });
        Integer seen = QUICK.call("lock() and get() on another thread", () -> {
            try (Mutex.Guard<Integer> guard = mutex.lock()) {
                return guard.get();
            }
        });
        assertThat(seen).as("the value another thread sees after a guard set 2 and was closed").isEqualTo(2);
    }

    @Test
    @Points(1)
    @Hint("The value may be null (new Mutex<>(null), set(null)): keep it as it is, do not reject it.")
    void nullIsAllowedAsTheValue() throws Exception {
        QUICK.run("new Mutex<>(null), lock(), get(), set(null)", () -> {
            Mutex<String> empty = new Mutex<>(null);
            try (Mutex.Guard<String> guard = empty.lock()) {
                assertThat(guard.get()).as("guard.get() on new Mutex<>(null)").isNull();
                guard.set("x");
                guard.set(null);
                assertThat(guard.get()).as("guard.get() after set(\"x\") then set(null)").isNull();
            }
        });
    }

    @Test
    @Points(2)
    @Hint("Only one guard may be open at a time: lock() on a second thread must wait until the first guard is closed.")
    void lockWaitsWhileAnotherThreadHoldsTheLock() throws Exception {
        Mutex<String> mutex = new Mutex<>("start");
        CountDownLatch calling = new CountDownLatch(1);
        AtomicBoolean acquired = new AtomicBoolean();
        Helper<String> second;
        try (Mutex.Guard<String> guard = mutex.lock()) {
            second = startCalling("lock() on a second thread", () -> {
                calling.countDown();
                try (Mutex.Guard<String> other = mutex.lock()) {
                    acquired.set(true);
                    return other.get();
                }
            });
            assertThat(calling.await(scaled(Duration.ofSeconds(2)).toMillis(), TimeUnit.MILLISECONDS))
                    .as("whether the second thread started within 2 s").isTrue();
            awaitSteadilyWaiting(second.thread(), Duration.ofMillis(50), Duration.ofSeconds(1));
            assertThat(acquired.get())
                    .as("whether lock() on a second thread returned while this thread still held the lock: two"
                            + " guards were open at the same time")
                    .isFalse();
            guard.set("set while held");
        }
        assertThat(second.join(Duration.ofSeconds(2)))
                .as("the value the second thread saw once the first guard was closed")
                .isEqualTo("set while held");
    }

    @Test
    @Points(3)
    @Hint("A thread waiting in lock() must sleep until the lock is free (use a Lock, a Semaphore or wait/notify),"
            + " not loop around checking it.")
    void aWaitingLockIsParkedNotSpinning() throws Exception {
        Mutex<Integer> mutex = new Mutex<>(0);
        Helper<Integer> waiter;
        try (Mutex.Guard<Integer> guard = mutex.lock()) {
            waiter = startCalling("lock() while another thread holds the lock", () -> {
                try (Mutex.Guard<Integer> other = mutex.lock()) {
                    return other.get();
                }
            });
            assertParked(waiter.thread(), "a thread calling lock() while another thread holds the lock");
            guard.set(1);
        }
        assertThat(waiter.join(Duration.ofSeconds(2)))
                .as("the value the waiting thread saw once the lock was released").isEqualTo(1);
    }

    @Test
    @Points(2)
    @Hint("lock() must see that the calling thread already holds the lock (ReentrantLock.isHeldByCurrentThread())"
            + " and throw IllegalStateException: this Mutex is not reentrant, and a plain second lock() would wait for"
            + " itself forever.")
    void lockOnAMutexThisThreadHoldsThrowsIllegalStateException() throws Exception {
        Mutex<String> mutex = new Mutex<>("v");
        within(Duration.ofSeconds(2)).run("a second lock() on the thread that already holds the lock"
                + " (it must throw IllegalStateException, not wait for itself)", () -> {
            Mutex.Guard<String> first = mutex.lock();
            try {
                assertThatThrownBy(mutex::lock, "a second lock() on the thread that already holds the lock")
                        .isInstanceOf(IllegalStateException.class);
                assertThat(first.get()).as("the first guard's value after the refused second lock()").isEqualTo("v");
            } finally {
                first.close();
            }
        });
        Optional<Mutex.Guard<String>> later = QUICK.call("tryLock() on another thread after the first guard closed",
                () -> {
                    Optional<Mutex.Guard<String>> guard = mutex.tryLock();
                    guard.ifPresent(Mutex.Guard::close);
                    return guard;
                });
        assertThat(later)
                .as("tryLock() on another thread once the first guard was closed: the refused second lock() must not"
                        + " leave the lock taken")
                .isPresent();
    }

    @Test
    @Points(2)
    @Hint("tryLock() never waits: it takes the lock if it is free right now, and otherwise returns Optional.empty().")
    void tryLockTakesAFreeLockAndIsEmptyWhileAnotherThreadHoldsIt() throws Exception {
        Mutex<String> mutex = new Mutex<>("v");
        try (Mutex.Guard<String> guard = mutex.lock()) {
            Optional<Mutex.Guard<String>> busy = QUICK.call("tryLock() on another thread while the lock is held", () -> {
                Optional<Mutex.Guard<String>> other = mutex.tryLock();
                other.ifPresent(Mutex.Guard::close);
                return other;
            });
            assertThat(busy).as("tryLock() on another thread while this thread holds the lock").isEmpty();
            assertThat(guard.get()).isEqualTo("v");
        }
        String value = QUICK.call("tryLock() on another thread once the lock is free", () -> {
            Optional<Mutex.Guard<String>> free = mutex.tryLock();
            assertThat(free).as("tryLock() on a free mutex").isPresent();
            try (Mutex.Guard<String> guard = free.get()) {
                return guard.get();
            }
        });
        assertThat(value).as("get() through the guard tryLock() returned").isEqualTo("v");
    }

    @Test
    @Points(2)
    @Hint("tryLock() by the thread that already holds the lock must return empty, as a second lock() must throw:"
            + " never two guards on one thread.")
    void tryLockIsEmptyWhenThisThreadHoldsTheLock() throws Exception {
        Mutex<String> mutex = new Mutex<>("v");
        QUICK.run("tryLock() on the thread that already holds the lock", () -> {
            Optional<Mutex.Guard<String>> second;
            try (Mutex.Guard<String> guard = mutex.lock()) {
                second = mutex.tryLock();
                second.ifPresent(Mutex.Guard::close);
                assertThat(guard.get()).isEqualTo("v");
            }
            assertThat(second)
                    .as("tryLock() on the thread that already holds the lock: it must be empty, not a second guard")
                    .isEmpty();
        });
    }

    @Test
    @Points(2)
    @Hint("Once closed, a guard must refuse get() and set() with IllegalStateException: the value is only"
            + " reachable while the lock is held, so keep a closed flag in the guard and check it first.")
    void aClosedGuardRefusesGetAndSet() throws Exception {
        Mutex<String> mutex = new Mutex<>("v");
        QUICK.run("get() and set() on a closed guard", () -> {
            Mutex.Guard<String> guard = mutex.lock();
            guard.close();
            assertThatThrownBy(guard::get, "get() on a closed guard").isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> guard.set("sneaked in"), "set(\"sneaked in\") on a closed guard")
                    .isInstanceOf(IllegalStateException.class);
            try (Mutex.Guard<String> again = mutex.lock()) {
                assertThat(again.get()).as("the value after a refused set() on a closed guard").isEqualTo("v");
            }
        });
    }

    @Test
    @Points(2)
    @Hint("Remember in the guard that it was closed: a second close() must do nothing, not release the lock again.")
    void closingAGuardTwiceReleasesTheLockOnlyOnce() throws Exception {
        Mutex<String> mutex = new Mutex<>("v");
        QUICK.run("close() twice on one guard", () -> {
            Mutex.Guard<String> guard = mutex.lock();
            guard.close();
            guard.close();
        });
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Helper<Void> holder = startCalling("lock() and hold on another thread", () -> {
            try (Mutex.Guard<String> guard = mutex.lock()) {
                holding.countDown();
                release.await(scaled(HOLD_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
            }
            return null;
        });
        try {
            assertThat(holding.await(scaled(Duration.ofSeconds(2)).toMillis(), TimeUnit.MILLISECONDS))
                    .as("whether another thread could lock() the mutex after a guard was closed twice").isTrue();
            Optional<Mutex.Guard<String>> meanwhile = QUICK.call("tryLock() while another thread holds the lock", () -> {
                Optional<Mutex.Guard<String>> other = mutex.tryLock();
                other.ifPresent(Mutex.Guard::close);
                return other;
            });
            assertThat(meanwhile)
                    .as("tryLock() while another thread holds the lock, after an earlier guard was closed twice: the"
                            + " second close() released the lock a second time, so two threads could hold it")
                    .isEmpty();
        } finally {
            release.countDown();
        }
        holder.join(Duration.ofSeconds(2));
    }

    @Test
    @Points(2)
    @Hint("Each increment reads and writes the value through one guard: the lock must let only one thread in at a time.")
    void manyThreadsIncrementingThroughTheMutexLoseNoUpdate() throws Exception {
        // 4 threads start together and increment for 100 ms, each counting its own increments; the value must
        // be their sum. The work is bounded by time, not by a count: a Mutex that lets two threads in at once
        // loses updates within the window, and a slow but correct one (a fair lock hands over at every
        // increment) simply makes fewer increments. The window is repeated a few times within a budget.
        int threads = 4;
        INCREMENT_ROUNDS.run(round -> {
            Mutex<Long> mutex = new Mutex<>(0L);
            List<Long> made = contend("incrementing thread", threads, WINDOW, (i, window) -> {
                long mine = 0;
                while (window.isOpen()) {
                    try (Mutex.Guard<Long> guard = mutex.lock()) {
                        guard.set(guard.get() + 1);
                    }
                    mine++;
                }
                return mine;
            }).join(Duration.ofSeconds(5));
            long expected = made.stream().mapToLong(Long::longValue).sum();
            long total = QUICK.call("reading the total", () -> {
                try (Mutex.Guard<Long> guard = mutex.lock()) {
                    return guard.get();
                }
            });
            assertThat(total)
                    .as("the value after %d threads, started together, added 1 through a guard each, %s times for"
                            + " %d in all: %d updates were lost", threads, made, expected, expected - total)
                    .isEqualTo(expected);
        });
    }
}

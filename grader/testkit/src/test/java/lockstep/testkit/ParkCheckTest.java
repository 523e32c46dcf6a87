package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ParkCheckTest {

    /** Spinners fail in the settle phase; a shorter one keeps this test class quick. */
    private static final ParkCheck QUICK = ParkCheck.DEFAULT.withSettle(Duration.ofMillis(300));

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> started = new ArrayList<>();

    @BeforeEach
    void loadTheMachine() {
        // Two busy threads, so that the checks below also hold on a loaded two-core machine.
        for (int i = 0; i < 2; i++) {
            started.add(daemon("load-" + i, () -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        stop.set(true);
        for (Thread t : started) {
            t.join(5_000);
        }
    }

    @RepeatedTest(5)
    void aThreadParkedOnALockPasses() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        try {
            Thread waiter = daemon("waiter", lock::lock);
            ParkCheck.DEFAULT.assertParked(waiter, "a thread calling lock() while the test holds it");
        } finally {
            lock.unlock();
        }
    }

    @RepeatedTest(3)
    void threadsBlockedOnAMonitorOrWaitingOnALatchPass() {
        Object monitor = new Object();
        CountDownLatch never = new CountDownLatch(1);
        synchronized (monitor) {
            Thread blocked = daemon("blocked", () -> {
                synchronized (monitor) {
                    monitor.hashCode();
                }
            });
            Lockstep.assertParked(blocked, "a thread entering a synchronized block");
        }
        Thread latched = daemon("latched", () -> await(never));
        Lockstep.assertParked(latched, "a thread awaiting a latch");
        never.countDown();
    }

    @RepeatedTest(3)
    void aSpinningThreadFails() {
        AtomicBoolean locked = new AtomicBoolean(true);
        Thread spinner = daemon("spinner", () -> {
            while (!locked.compareAndSet(false, true) && !stop.get()) {
                Thread.onSpinWait();
            }
        });
        assertThatThrownBy(() -> QUICK.assertParked(spinner, "a thread calling lock() while the test holds it"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected a thread calling lock() while the test holds it to wait parked")
                .hasMessageContaining("busy-wait")
                .hasMessageContaining("\"spinner\" RUNNABLE");
    }

    @RepeatedTest(3)
    void aThreadSpinningWithYieldFails() {
        AtomicBoolean free = new AtomicBoolean(false);
        Thread spinner = daemon("yielder", () -> {
            while (!free.get() && !stop.get()) {
                Thread.yield();
            }
        });
        assertThatThrownBy(() -> QUICK.assertParked(spinner, "a yielding thread")).hasMessageContaining("busy-wait");
    }

    @Test
    void aThreadThatWaitsBrieflyThenSpinsFails() {
        Thread spinner = daemon("waits-then-spins", () -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        assertThatThrownBy(() -> QUICK.assertParked(spinner, "the thread")).hasMessageContaining("busy-wait");
    }

    @Test
    void aThreadThatFinishesInsteadOfWaitingFails() throws InterruptedException {
        Thread done = daemon("done", () -> { });
        done.join(5_000);
        assertThatThrownBy(() -> QUICK.assertParked(done, "a thread calling lock()"))
                .hasMessageContaining("did not wait at all");
    }

    @Test
    void steadyWaitingIsRecognisedAndSpinningIsNot() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread latched = daemon("latched", () -> await(never));
        org.assertj.core.api.Assertions.assertThat(
                Lockstep.awaitSteadilyWaiting(latched, Duration.ofMillis(100), Duration.ofSeconds(3))).isTrue();
        never.countDown();
        Thread spinner = daemon("spinner", () -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        org.assertj.core.api.Assertions.assertThat(
                Lockstep.awaitSteadilyWaiting(spinner, Duration.ofMillis(100), Duration.ofMillis(300))).isFalse();
    }

    private Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        started.add(t);
        return t;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

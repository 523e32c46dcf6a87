package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class BoundTest {

    /** Long enough for fresh threads to start and take their first lock on a busy machine. */
    private static final Bound SHORT = Bound.of(Duration.ofSeconds(2));

    @Test
    void returnsTheResultAndRethrowsWhatTheBodyThrew() throws Exception {
        assertThat(SHORT.call("adding", () -> 1 + 2)).isEqualTo(3);
        IOException thrown = new IOException("boom");
        assertThatThrownBy(() -> SHORT.run("failing", () -> {
            throw thrown;
        })).isSameAs(thrown);
        AssertionError error = new AssertionError("inner");
        assertThatThrownBy(() -> SHORT.run("asserting", () -> {
            throw error;
        })).isSameAs(error);
    }

    @Test
    void reportsARealTwoLockDeadlockWithTheLocksHeldAndWanted() {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        assertThatThrownBy(() -> SHORT.run("transfer(0, 1) and transfer(1, 0) at once", () -> {
            Thread first = daemon("transfer-0-to-1", () -> lockBoth(a, b, bothHoldOne));
            Thread second = daemon("transfer-1-to-0", () -> lockBoth(b, a, bothHoldOne));
            first.join();
            second.join();
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("deadlock: transfer(0, 1) and transfer(1, 0) at once did not finish within 2 s")
                .hasMessageContaining("thread \"transfer-0-to-1\" WAITING, waiting for ReentrantLock@")
                .hasMessageContaining("held by thread \"transfer-1-to-0\"")
                .hasMessageContaining("held by thread \"transfer-0-to-1\"")
                .hasMessageContaining("holding ReentrantLock@")
                // This test's own code, in lockstep.testkit, is the grader's: no frame of it is shown
                // (LearnerFramesTest shows a learner's).
                .hasMessageContaining("\"transfer-0-to-1\": a thread of the test's own, not running your code\n")
                .hasMessageNotContaining("at lockstep.")
                .hasMessageNotContaining("lockstep-transfer");
    }

    @Test
    void reportsAMonitorDeadlock() {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        assertThatThrownBy(() -> SHORT.run("two synchronized transfers", () -> {
            Thread first = daemon("sync-a-b", () -> synchronizeBoth(a, b, bothHoldOne));
            Thread second = daemon("sync-b-a", () -> synchronizeBoth(b, a, bothHoldOne));
            first.join();
            second.join();
        }))
                .hasMessageStartingWith("deadlock: two synchronized transfers")
                .hasMessageContaining("thread \"sync-a-b\" BLOCKED, waiting for Object@")
                .hasMessageContaining("(synchronized)");
    }

    @Test
    void reportsStillWaitingWithTheStackWhenThereIsNoDeadlock() {
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> SHORT.run("lock() on a mutex this thread holds", () -> never.await(10, TimeUnit.SECONDS)))
                .hasMessageStartingWith("lock() on a mutex this thread holds did not finish: still waiting after 2 s")
                .hasMessageContaining("thread \"lockstep-lock() on a mutex this thread holds\" TIMED_WAITING")
                .hasMessageContaining("thread \"lockstep-lock() on a mutex this thread holds\" TIMED_WAITING, waiting for"
                        + " CountDownLatch@")
                .hasMessageContaining(": a thread of the test's own, not running your code\n")
                .hasMessageNotContaining("CountDownLatch.await");
        never.countDown();
    }

    @Test
    void aStuckHelperIsADaemonAndIsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Helper<Boolean> helper = Lockstep.startCalling("stuck", () -> never.await(10, TimeUnit.SECONDS));
        assertThat(helper.thread().isDaemon()).isTrue();
        assertThat(helper.thread().getName()).isEqualTo("lockstep-stuck");
        assertThatThrownBy(() -> helper.join(Duration.ofMillis(200))).hasMessageContaining("still waiting");
        assertThatThrownBy(() -> helper.join(Duration.ofSeconds(2))).isInstanceOf(InterruptedException.class);
    }

    private static void lockBoth(ReentrantLock first, ReentrantLock second, CountDownLatch bothHoldOne) {
        first.lock();
        try {
            bothHoldOne.countDown();
            awaitQuietly(bothHoldOne);
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    private static void synchronizeBoth(Object first, Object second, CountDownLatch bothHoldOne) {
        synchronized (first) {
            bothHoldOne.countDown();
            awaitQuietly(bothHoldOne);
            synchronized (second) {
                second.hashCode();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}

package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InterruptTakenTest {

    @RepeatedTest(5)
    void aThreadWaitingOnALatchTakesTheInterruptBeforeTheCallReturns() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean took = new AtomicBoolean();
        CountDownLatch mayEnd = new CountDownLatch(1);
        Thread waiter = daemon(() -> {
            try {
                waiting.countDown();
                never.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                took.set(true);
            }
            awaitQuietly(mayEnd);
        });
        waiting.await();

        boolean taken = Lockstep.interruptAndAwaitTaken(waiter, Duration.ofSeconds(10));

        // The waiter cannot end before mayEnd opens, so the status was cleared by the await that threw.
        assertThat(taken).isTrue();
        mayEnd.countDown();
        waiter.join(10_000);
        assertThat(took).isTrue();
    }

    @Test
    void aThreadThatOnlyPollsTheStatusKeepsItAndTheWaitEndsAtItsBound() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean sawIt = new AtomicBoolean();
        Thread poller = daemon(() -> {
            while (!stop.get()) {
                if (Thread.currentThread().isInterrupted()) {
                    sawIt.set(true);
                }
                Thread.onSpinWait();
            }
        });
        try {
            long start = System.nanoTime();
            boolean taken = Lockstep.interruptAndAwaitTaken(poller, Duration.ofMillis(200));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(taken).isFalse();
            assertThat(tookMillis).isGreaterThanOrEqualTo(200);
            assertThat(poller.isInterrupted()).isTrue();
        } finally {
            stop.set(true);
            poller.join(10_000);
        }
        assertThat(sawIt).isTrue();
    }

    @Test
    void aThreadThatEndsIsNotWaitedFor() throws InterruptedException {
        Thread ended = daemon(() -> { });
        ended.join(10_000);

        assertThat(Lockstep.interruptAndAwaitTaken(ended, Duration.ofSeconds(10))).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "interrupt-taken-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

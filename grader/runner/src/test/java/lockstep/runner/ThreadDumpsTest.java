package lockstep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import fixture.bank.tests.BankSuite;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lockstep.testkit.frames.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real deadlock in a fixture learner package, dumped as the watchdog dumps a test that overran. */
@Timeout(60)
class ThreadDumpsTest {

    @Test
    void aDeadlockMarksBothThreadsFramesOfTheLearnerAndNoneOfTheGraders() throws Exception {
        Set<Long> before = ThreadDumps.liveThreadIds();
        List<Thread> threads = BankSuite.twoOppositeTransfersAndAHelper();
        try {
            awaitDeadlock();
            // The dump below says the helper sleeps: wait for that state itself, not only for the deadlock.
            awaitState(threads.get(2), Thread.State.TIMED_WAITING);

            String dump = ThreadDumps.describe(Thread.currentThread(), before, new Frames("fixture.bank"));

            assertThat(dump).startsWith("Deadlock: 2 threads each wait for a lock another one holds.\n\"transfer-");
            assertThat(dump).contains("\"transfer-a-to-b\" WAITING (deadlocked), waiting for java.util.concurrent.locks.ReentrantLock",
                    "held by \"transfer-b-to-a\"", "\"transfer-b-to-a\" WAITING (deadlocked)");
            assertThat(dump.split("\n  > at fixture\\.bank\\.Bank\\$Account\\.enter\\(Bank\\.java:")).hasSize(3);
            assertThat(dump.split("\n  > at fixture\\.bank\\.Bank\\.transfer\\(Bank\\.java:")).hasSize(3);
            assertThat(dump).containsPattern("\n    at jdk\\.internal\\.misc\\.Unsafe\\.park\\(Native Method\\)\n    … \\d+ more JDK frames\n"
                    + "    at java\\.util\\.concurrent\\.locks\\.ReentrantLock\\.lockInterruptibly\\(ReentrantLock\\.java:\\d+\\)\n"
                    + "  > at fixture\\.bank\\.Bank\\$Account\\.enter\\(Bank\\.java:\\d+\\)\n");
            assertThat(dump).contains("\"suite-helper\" TIMED_WAITING: a thread of the test's own, not running your code\n",
                    ": a thread of the test's own, not running your code\n"); // the test thread, in JUnit
            assertThat(dump).doesNotContain("fixture.bank.tests", "BankSuite", "Thread.run", "lockstep.", "org.junit");
            assertThat(dump.lines().filter(l -> l.contains("> at"))).allMatch(l -> l.startsWith("  > at fixture.bank.Bank"));
        } finally {
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != state) {
            assertThat(System.nanoTime() - deadline).as("%s reached %s within 30 s", thread.getName(), state).isNegative();
            Thread.sleep(10);
        }
    }

    private static void awaitDeadlock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ManagementFactory.getThreadMXBean().findDeadlockedThreads() == null) {
            assertThat(System.nanoTime() - deadline).as("the transfers deadlocked within 30 s").isNegative();
            Thread.sleep(10);
        }
    }
}

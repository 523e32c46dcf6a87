package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(20)
class ThreadLeakTest {

    /**
     * This class's own leak check. JUnit starts its timeout watcher (for the @Timeout above) during
     * the first test of the JVM that has one: not a leak of that test, so it is ignored here.
     */
    @RegisterExtension
    static final NoThreadLeaks LEAKS = Lockstep.noThreadLeaks()
            .ignoring(t -> t.getName().equals("junit-jupiter-timeout-watcher"));

    @Test
    void joinedThreadsAreNoLeak() throws InterruptedException {
        ThreadSnapshot before = Lockstep.threadSnapshot();
        Thread t = new Thread(() -> { }, "short-lived");
        t.start();
        t.join(5_000);
        before.assertNoNewThreadAlive("the code");
        assertThat(before.newThreadsAlive()).isEmpty();
    }

    @Test
    void aThreadLeftRunningIsNamedWithWhereItIs() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ThreadSnapshot before = Lockstep.threadSnapshot();
        Thread leaked = daemon("Thread-leaked", release);
        try {
            // On a busy machine the thread may not have reached its wait yet: the message shows where it is.
            Lockstep.await("the leaked thread to wait", Duration.ofSeconds(10))
                    .until(() -> leaked.getState() == Thread.State.TIMED_WAITING);
            assertThatThrownBy(() -> before.assertNoNewThreadAlive("Workers.runAll"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("expected every thread started by Workers.runAll to have finished when it"
                            + " returned, but 1 thread is still alive:")
                    // This test's own thread, not a learner's (LearnerFramesTest has a learner's).
                    .hasMessageContaining("thread \"Thread-leaked\" TIMED_WAITING, waiting for CountDownLatch@")
                    .hasMessageContaining(": a thread of the test's own, not running your code\n")
                    .hasMessageNotContaining("at lockstep.testkit.ThreadLeakTest.lambda");
            assertThat(before.ignoring(t -> t == leaked).newThreadsAlive()).isEmpty();
        } finally {
            endNow(release, leaked);
        }
    }

    @Test
    void aThreadThatEndsWithinTheGraceIsNoLeak() {
        CountDownLatch release = new CountDownLatch(1);
        ThreadSnapshot before = Lockstep.threadSnapshot();
        daemon("ending-soon", release);
        release.countDown();
        before.assertNoNewThreadAliveWithin(Duration.ofSeconds(2), "the code");
    }

    @Test
    void theExtensionFailsATestThatLeavesAThreadAlive() throws InterruptedException {
        Map<Object, Object> store = new HashMap<>();
        ExtensionContext context = fakeContext(store);
        NoThreadLeaks extension = Lockstep.noThreadLeaks().withGrace(Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        extension.beforeEach(context);
        Thread leaky = daemon("leaky-worker", release);
        try {
            assertThatThrownBy(() -> extension.afterEach(context))
                    .hasMessageContaining("started by the test leaky()")
                    .hasMessageContaining("\"leaky-worker\"");
            extension.beforeEach(context);
            extension.ignoring(t -> t.getName().startsWith("leaky")).afterEach(context);
        } finally {
            endNow(release, leaky);
        }
    }

    @Test
    void startedThreadsAreCountedAndTooFewAreReported() throws InterruptedException {
        StartedThreads counter = Lockstep.countStartedThreads();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> { });
            t.start();
            t.join(5_000);
        }
        Thread.startVirtualThread(() -> { }).join(5_000);
        assertThat(counter.started()).isGreaterThanOrEqualTo(3);
        counter.assertAtLeast(3, "the code");
        assertThatThrownBy(() -> Lockstep.countStartedThreads().assertAtLeast(4, "Counter.countConcurrently(4, 10)"))
                .hasMessageStartingWith("expected Counter.countConcurrently(4, 10) to start 4 new platform threads, but it started 0");
    }

    /**
     * Releases a thread this test left alive on purpose and waits until it has ended, so that this
     * class's own leak check (LEAKS, with its short grace) never sees it, however busy the machine.
     */
    private static void endNow(CountDownLatch release, Thread thread) throws InterruptedException {
        release.countDown();
        thread.join(Duration.ofSeconds(10));
        assertThat(thread.isAlive()).as("%s still alive 10 s after its release", thread.getName()).isFalse();
    }

    private static Thread daemon(String name, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static ExtensionContext fakeContext(Map<Object, Object> values) {
        ExtensionContext.Store store = (ExtensionContext.Store) Proxy.newProxyInstance(
                ThreadLeakTest.class.getClassLoader(), new Class<?>[] {ExtensionContext.Store.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "put" -> values.put(args[0], args[1]);
                    case "remove" -> values.remove(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ExtensionContext) Proxy.newProxyInstance(ThreadLeakTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStore" -> store;
                    case "getUniqueId" -> "[test:leaky()]";
                    case "getDisplayName" -> "leaky()";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

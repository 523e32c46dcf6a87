package ch10.tasks.tests;

import static lockstep.testkit.Lockstep.await;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import ch10.tasks.AsyncTasks;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import lockstep.testkit.Bound;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.TimeLimit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * sequentially and concurrently are proven with futures the test completes by hand, never with
 * timing; performTask with thread identities and a wide time ratio.
 *
 * <p>The test of 10,000 tasks at once runs last: code that sleeps in a shared pool keeps that pool
 * busy long after the test gave up on it, and must not make the other tests fail too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsyncTasksTest {

    /** "Returns at once" means well under 50 ms; a call that takes this long surely waited for something. */
    private static final Bound AT_ONCE = Bound.of(Duration.ofSeconds(2));

    /** How long a callback that the test's completion triggers may take to run, before the slack factor. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private static final int MANY = 10_000;

    // ---------------------------------------------------------------- performTask

    @Test
    @Order(1)
    @Points(2)
    @Hint("performTask must not wait for the delay itself: hand the waiting to a timer (CompletableFuture.delayedExecutor)"
            + " and return the future at once; the timer completes it later.")
    void performTaskReturnsAtOnceAndCompletesOnlyAfterTheDelay() throws Exception {
        // A first task, so that what performTask sets up once (classes, a shared timer) is not counted here.
        waitFor(AsyncTasks.performTask(0, Duration.ZERO), Duration.ofSeconds(2), "performTask(0, 0 ms)");
        Duration delay = scaled(Duration.ofMillis(800));
        AtomicLong returnedAfter = new AtomicLong();
        AtomicLong completedAfter = new AtomicLong(-1);
        CompletableFuture<String> future = AT_ONCE.call("AsyncTasks.performTask(7, 800 ms)", () -> {
            long start = System.nanoTime();
            CompletableFuture<String> f = AsyncTasks.performTask(7, delay);
            returnedAfter.set(System.nanoTime() - start);
            if (f != null) {
                f.whenComplete((v, e) -> completedAfter.set(System.nanoTime() - start));
            }
            return f;
        });
        assertThat(future).as("the future AsyncTasks.performTask(7, 800 ms) returned").isNotNull();
        assertThat(Duration.ofNanos(returnedAfter.get()))
                .as("how long performTask(7, 800 ms) took to return: it must return at once, long before the"
                        + " delay has passed, and let a timer complete the future later")
                .isLessThan(delay.dividedBy(2));
        String result = waitFor(future, delay.plus(Duration.ofSeconds(2)), "performTask(7, 800 ms)");
        assertThat(result).as("the result of performTask(7, 800 ms)").isEqualTo("Result from Task 7");
        // get() may return before the whenComplete callback above has run: wait for it to record the time.
        await("the whenComplete callback on performTask(7, 800 ms)", SETTLE).until(() -> completedAfter.get() >= 0);
        assertThat(Duration.ofNanos(completedAfter.get()))
                .as("when the future of performTask(7, 800 ms) completed, counted from the call: not before the"
                        + " delay has passed")
                .isGreaterThanOrEqualTo(delay.minusMillis(5));
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("Check the delay first: null is a NullPointerException, a negative delay an IllegalArgumentException;"
            + " zero is allowed and completes (almost) at once.")
    void performTaskChecksItsDelayAndAcceptsZero() throws Exception {
        assertThatThrownBy(() -> AsyncTasks.performTask(1, null), "AsyncTasks.performTask(1, null)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AsyncTasks.performTask(1, Duration.ofMillis(-1)),
                "AsyncTasks.performTask(1, -1 ms): it must throw, not return a future")
                .isInstanceOf(IllegalArgumentException.class);
        CompletableFuture<String> future = AT_ONCE.call("AsyncTasks.performTask(-3, 0 ms)",
                () -> AsyncTasks.performTask(-3, Duration.ZERO));
        assertThat(future).as("the future AsyncTasks.performTask(-3, 0 ms) returned").isNotNull();
        assertThat(waitFor(future, Duration.ofSeconds(2), "performTask(-3, 0 ms)"))
                .as("the result of performTask(-3, 0 ms)")
                .isEqualTo("Result from Task -3");
    }

    @Test
    @Order(3)
    @Points(3)
    @TimeLimit(seconds = 20)
    @Hint("While the delay runs, no thread may wait for it: not a new thread per task, not a virtual thread per task."
            + " One shared timer (CompletableFuture.delayedExecutor or a ScheduledExecutorService) waits for all of them.")
    void performTaskKeepsNoThreadWaitingForTheDelay() throws Exception {
        // One task first, so that timers and pools that every task shares exist before the count starts.
        waitFor(AsyncTasks.performTask(0, Duration.ofMillis(1)), Duration.ofSeconds(2), "performTask(0, 1 ms)");
        Duration delay = scaled(Duration.ofMillis(500));
        Set<Thread> createdByTheCalls = ConcurrentHashMap.newKeySet();
        AtomicLong firstId = new AtomicLong();
        AtomicLong lastId = new AtomicLong();
        List<CompletableFuture<String>> futures = Bound.of(Duration.ofSeconds(10)).call(
                "10,000 calls of AsyncTasks.performTask(i, 500 ms)", () -> {
                    List<CompletableFuture<String>> list = new ArrayList<>(MANY);
                    // Thread ids only grow: a thread created during the calls has an id between these two.
                    firstId.set(Thread.ofVirtual().unstarted(() -> { }).threadId());
                    for (int i = 0; i < MANY; i++) {
                        CompletableFuture<String> f = AsyncTasks.performTask(i, delay);
                        f.whenComplete((v, e) -> {
                            Thread completer = Thread.currentThread();
                            long id = completer.threadId();
                            if (id > firstId.get() && (lastId.get() == 0 || id < lastId.get())) {
                                createdByTheCalls.add(completer);
                            }
                        });
                        list.add(f);
                    }
                    lastId.set(Thread.ofVirtual().unstarted(() -> { }).threadId());
                    return list;
                });
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(delay.plus(scaled(Duration.ofSeconds(2))).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Lateness is another test's business: this one looks only at who completed the futures.
        }
        int waiting = (int) createdByTheCalls.stream().filter(t -> t.threadId() < lastId.get()).count();
        long virtual = createdByTheCalls.stream().filter(Thread::isVirtual).count();
        assertThat(waiting)
                .withFailMessage("expected the 10,000 futures of performTask(i, 500 ms) to be completed by a few shared"
                        + " timer or pool threads, but %d different threads that performTask itself had started (%d of"
                        + " them virtual) completed them: each one waited for its task's delay. Let one shared timer"
                        + " wait instead (CompletableFuture.delayedExecutor), so that no thread sleeps per task.",
                        waiting, virtual)
                .isLessThan(100);
        // Every thread made during the calls, whether or not it completes a future itself (a thread per task that
        // sleeps and then hands the completion to a pool): its id lies between the two ids taken around the calls.
        long created = lastId.get() - firstId.get() - 1;
        assertThat(created)
                .withFailMessage("expected the 10,000 calls of performTask(i, 500 ms) to make a few threads at most (one"
                        + " shared timer, a pool), but %d threads were made during the calls: a thread per task waits"
                        + " for its delay, even if another thread completes the future. Let one shared timer wait"
                        + " instead (CompletableFuture.delayedExecutor).", created)
                .isLessThan(100);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @Points(2)
    @TimeLimit(seconds = 20)
    @Hint("10,000 delays that run at the same time take about one delay. If your tasks wait one after another"
            + " (Thread.sleep inside supplyAsync runs on a pool of very few threads), they take 10,000 delays.")
    void performTaskOfTenThousandAtOnceTakesAboutOneDelay() throws Exception {
        Duration delay = Duration.ofMillis(200);
        Duration limit = delay.plus(scaled(Duration.ofSeconds(4)));
        // Only waiting after the calls counts here: what the calls themselves cost is another test's business.
        List<CompletableFuture<String>> futures = Bound.of(Duration.ofSeconds(10)).call(
                "10,000 calls of AsyncTasks.performTask(i, 200 ms)", () -> {
                    List<CompletableFuture<String>> list = new ArrayList<>(MANY);
                    for (int i = 0; i < MANY; i++) {
                        list.add(AsyncTasks.performTask(i, delay));
                    }
                    return list;
                });
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        try {
            all.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            long done = futures.stream().filter(CompletableFuture::isDone).count();
            fail("expected 10,000 tasks of 200 ms started at once to complete together in about 200 ms, but "
                    + limit.toMillis() + " ms after the last call only " + done + " of them had completed: the delays ran one after another"
                    + " (or a few at a time), as when each task sleeps on a thread of a small pool. Let a timer"
                    + " complete each future instead of a thread that sleeps.");
        }
        for (int i : new int[] {0, 1, 4_999, MANY - 1}) {
            assertThat(futures.get(i).getNow(null)).as("the result of performTask(" + i + ", 200 ms)")
                    .isEqualTo("Result from Task " + i);
        }
    }

    // ---------------------------------------------------------------- sequentially

    @Test
    @Order(10)
    @Points(3)
    @Hint("Call the next step's supplier only from a callback of the previous step's future (whenComplete,"
            + " thenCompose): calling it earlier starts that step before the previous one is done.")
    void sequentiallyStartsEachStepOnlyAfterThePreviousOneCompleted() throws Exception {
        HandSteps steps = new HandSteps(3);
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.sequentially(3 steps)", () -> {
            CompletableFuture<List<String>> r = AsyncTasks.sequentially(steps.suppliers());
            steps.noteReturn();
            return r;
        });
        assertThat(result).as("the future AsyncTasks.sequentially returned").isNotNull();
        assertThat(steps.calledAtReturn())
                .as("the steps whose supplier sequentially had called when it returned: only step 0 may start now,"
                        + " each later step only once the future of the step before it completed")
                .containsExactly(0);
        assertThat(result.isDone()).as("whether the result was done before any step completed").isFalse();
        for (int k = 0; k < 3; k++) {
            steps.complete(k, "r" + k);
            if (k < 2) {
                steps.awaitCalled(k + 1, "step " + (k + 1) + " to be started after step " + k + " completed");
                assertThat(steps.called())
                        .as("the steps started after step " + k + " completed: only step " + (k + 1) + " may be added")
                        .containsExactlyElementsOf(range(k + 2));
            }
        }
        assertThat(awaitDone(result, "the result of sequentially after its 3 steps completed"))
                .as("the result of sequentially: every step's value, in the order of the steps")
                .containsExactly("r0", "r1", "r2");
        assertThat(steps.calledEarly())
                .as("the steps whose supplier was called before the future of the step before it had completed")
                .isEmpty();
    }

    @Test
    @Order(11)
    @Points(2)
    @Hint("sequentially must not wait (join/get) for a step: it returns a future at once, and callbacks move on to"
            + " the next step when the previous one completes.")
    void sequentiallyReturnsAtOnceWithoutWaitingForAnyStep() throws Exception {
        HandSteps steps = new HandSteps(2);
        try {
            CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.sequentially(2 steps that are not done)",
                    () -> AsyncTasks.sequentially(steps.suppliers()));
            assertThat(result).as("the future AsyncTasks.sequentially returned").isNotNull();
            assertThat(result.isDone())
                    .as("whether the result of sequentially was done although no step had completed")
                    .isFalse();
        } finally {
            steps.completeAll(); // lets a caller that is stuck waiting go
        }
    }

    @Test
    @Order(12)
    @Points(2)
    @Hint("When a step's future fails, do not call the next supplier: fail the result and stop.")
    void sequentiallyStartsNoStepAfterAFailedOne() throws Exception {
        HandSteps steps = new HandSteps(3);
        IOException boom = new IOException("step 1 failed");
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.sequentially(3 steps)",
                () -> AsyncTasks.sequentially(steps.suppliers()));
        assertThat(result).as("the future AsyncTasks.sequentially returned").isNotNull();
        steps.complete(0, "r0");
        steps.awaitCalled(1, "step 1 to be started after step 0 completed");
        steps.fail(1, boom);
        Throwable failure = awaitFailure(result, "the result of sequentially after step 1 failed");
        assertThat(unwrapped(failure)).as("what the result of sequentially failed with after step 1 failed")
                .isSameAs(boom);
        assertThat(steps.called())
                .as("the steps started: step 2 must never start, because step 1 failed")
                .containsExactly(0, 1);
    }

    @Test
    @Order(13)
    @Points(2)
    @Hint("Callbacks see a failure wrapped in CompletionException when it comes through a dependent stage:"
            + " take its cause before you fail the result with it.")
    void sequentiallyFailsWithTheStepsOwnExceptionNotAWrapper() throws Exception {
        HandSteps steps = new HandSteps(2);
        IllegalStateException boom = new IllegalStateException("step 0 failed");
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.sequentially(2 steps)",
                () -> AsyncTasks.sequentially(steps.dependentSuppliers()));
        assertThat(result).as("the future AsyncTasks.sequentially returned").isNotNull();
        steps.fail(0, boom);
        Throwable failure = awaitFailure(result, "the result of sequentially after step 0 failed");
        assertFailedWithItself(failure, boom, "the result of sequentially, after step 0 failed,");
    }

    // ---------------------------------------------------------------- concurrently

    @Test
    @Order(20)
    @Points(2)
    @Hint("concurrently starts every step (calls every supplier) before it returns, and returns without waiting"
            + " for any of them: that is what makes them run at the same time.")
    void concurrentlyStartsEveryStepBeforeReturningAtOnce() throws Exception {
        HandSteps steps = new HandSteps(3);
        try {
            CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.concurrently(3 steps that are not done)",
                    () -> {
                        CompletableFuture<List<String>> r = AsyncTasks.concurrently(steps.suppliers());
                        steps.noteReturn();
                        return r;
                    });
            assertThat(result).as("the future AsyncTasks.concurrently returned").isNotNull();
            assertThat(steps.calledAtReturn())
                    .as("the steps whose supplier concurrently had called when it returned: all of them")
                    .containsExactlyInAnyOrder(0, 1, 2);
            assertThat(result.isDone())
                    .as("whether the result of concurrently was done although no step had completed")
                    .isFalse();
        } finally {
            steps.completeAll();
        }
    }

    @Test
    @Order(21)
    @Points(2)
    @Hint("Give each step its own slot (its index) for its value: steps complete in any order, the result lists"
            + " them in the order of the steps.")
    void concurrentlyReturnsTheResultsInTheOrderOfTheSteps() throws Exception {
        HandSteps steps = new HandSteps(3);
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.concurrently(3 steps)",
                () -> AsyncTasks.concurrently(steps.suppliers()));
        assertThat(result).as("the future AsyncTasks.concurrently returned").isNotNull();
        steps.complete(2, "r2");
        steps.complete(0, "r0");
        assertThat(result.isDone()).as("whether the result was done while step 1 had not completed").isFalse();
        steps.complete(1, "r1");
        assertThat(awaitDone(result, "the result of concurrently after its 3 steps completed"))
                .as("the result of concurrently: the values in the order of the steps, although they completed in"
                        + " the order 2, 0, 1")
                .containsExactly("r0", "r1", "r2");
    }

    @Test
    @Order(22)
    @Points(3)
    @Hint("Fail the result from the failing step's own callback, at once: waiting for every step first (allOf)"
            + " keeps the caller waiting for work whose result no longer matters.")
    void concurrentlyFailsAsSoonAsTheFirstStepFails() throws Exception {
        HandSteps steps = new HandSteps(3);
        IOException boom = new IOException("step 1 failed");
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.concurrently(3 steps)",
                () -> AsyncTasks.concurrently(steps.suppliers()));
        assertThat(result).as("the future AsyncTasks.concurrently returned").isNotNull();
        try {
            steps.fail(1, boom);
            Throwable failure = awaitFailure(result,
                    "the result of concurrently, once step 1 failed while steps 0 and 2 were still running,",
                    ": it must fail as soon as one step fails, from that step's callback, not wait for every step"
                            + " (allOf) first");
            assertThat(unwrapped(failure)).as("what the result of concurrently failed with").isSameAs(boom);
        } finally {
            steps.completeAll();
        }
    }

    @Test
    @Order(23)
    @Points(2)
    @Hint("The first failure in time wins, and the result fails with that exception itself: take the cause out of"
            + " a CompletionException before you fail the result.")
    void concurrentlyFailsWithTheFirstFailureItselfNotAWrapper() throws Exception {
        HandSteps steps = new HandSteps(3);
        IllegalStateException first = new IllegalStateException("step 2 failed first");
        IOException second = new IOException("step 0 failed second");
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.concurrently(3 steps)",
                () -> AsyncTasks.concurrently(steps.dependentSuppliers()));
        assertThat(result).as("the future AsyncTasks.concurrently returned").isNotNull();
        steps.fail(2, first);
        steps.fail(0, second);
        steps.complete(1, "r1");
        Throwable failure = awaitFailure(result, "the result of concurrently after steps 2 and 0 failed");
        assertFailedWithItself(failure, first,
                "the result of concurrently, after step 2 failed first and step 0 second,");
    }

    // ---------------------------------------------------------------- both

    @Test
    @Order(30)
    @Points(1)
    @Hint("A supplier that throws, or returns null instead of a future, fails the returned future: catch it around"
            + " get() and complete the result exceptionally; never throw it to the caller.")
    void aStepWhoseSupplierThrowsOrReturnsNullFailsTheResult() throws Exception {
        for (String method : List.of("sequentially", "concurrently")) {
            IllegalStateException boom = new IllegalStateException("supplier failed");
            Supplier<CompletableFuture<String>> throwing = () -> {
                throw boom;
            };
            Supplier<CompletableFuture<String>> returningNull = () -> null;
            Throwable failure = awaitFailure(AT_ONCE.call("AsyncTasks." + method + "([a supplier that throws])",
                    () -> call(method, List.of(throwing))), "the result of " + method + " when step 0's supplier threw");
            assertThat(unwrapped(failure)).as("what the result of " + method + " failed with when step 0's supplier"
                    + " threw " + boom).isSameAs(boom);
            failure = awaitFailure(AT_ONCE.call("AsyncTasks." + method + "([a supplier that returns null])",
                    () -> call(method, List.of(returningNull))),
                    "the result of " + method + " when step 0's supplier returned null");
            assertThat(unwrapped(failure)).as("what the result of " + method + " failed with when step 0's supplier"
                    + " returned null").isInstanceOf(NullPointerException.class);
        }
        HandSteps steps = new HandSteps(1);
        IllegalArgumentException late = new IllegalArgumentException("supplier of step 1 failed");
        List<Supplier<CompletableFuture<String>>> list = List.of(steps.suppliers().get(0), () -> {
            throw late;
        });
        CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks.sequentially([a step, a supplier that"
                + " throws])", () -> AsyncTasks.sequentially(list));
        assertThat(result).as("the future AsyncTasks.sequentially returned").isNotNull();
        steps.complete(0, "r0");
        assertThat(unwrapped(awaitFailure(result, "the result of sequentially when step 1's supplier threw")))
                .as("what the result of sequentially failed with when step 1's supplier threw " + late)
                .isSameAs(late);
    }

    @Test
    @Order(31)
    @Points(1)
    @Hint("With no steps there is nothing to wait for: return a future that is already completed with an empty list.")
    void noStepsGiveAnEmptyList() throws Exception {
        for (String method : List.of("sequentially", "concurrently")) {
            CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks." + method + "(an empty list)",
                    () -> call(method, List.of()));
            assertThat(result).as("the future AsyncTasks." + method + "(List.of()) returned").isNotNull();
            assertThat(awaitDone(result, "the result of " + method + "(List.of())"))
                    .as("the result of AsyncTasks." + method + "(List.of())").isEmpty();
        }
    }

    @Test
    @Order(32)
    @Points(1)
    @Hint("Check the list and every step for null before you call the first supplier.")
    void nullStepsAreRejectedBeforeAnyStepStarts() {
        for (String method : List.of("sequentially", "concurrently")) {
            assertThatThrownBy(() -> call(method, null), "AsyncTasks." + method + "(null)")
                    .isInstanceOf(NullPointerException.class);
            AtomicInteger started = new AtomicInteger();
            Supplier<CompletableFuture<String>> counting = () -> {
                started.incrementAndGet();
                return new CompletableFuture<>();
            };
            assertThatThrownBy(() -> call(method, Arrays.asList(counting, null, counting)),
                    "AsyncTasks." + method + "([step, null, step])")
                    .isInstanceOf(NullPointerException.class);
            assertThat(started.get())
                    .as("how many steps " + method + " started although the list holds a null step: the check must"
                            + " come before the first supplier is called")
                    .isZero();
        }
    }

    @Test
    @Order(33)
    @Points(1)
    @Hint("Call the suppliers yourself, in the call, on the caller's thread: steps[0].get() in sequentially, every"
            + " step's get() in concurrently. Handing them to a pool (supplyAsync(step::get)) calls them on another"
            + " thread, whenever that pool gets to it.")
    void suppliersAreCalledOnTheCallingThread() throws Exception {
        for (String method : List.of("sequentially", "concurrently")) {
            List<Integer> now = method.equals("sequentially") ? List.of(0) : List.of(0, 1, 2);
            HandSteps steps = new HandSteps(3);
            AtomicReference<Thread> caller = new AtomicReference<>();
            try {
                CompletableFuture<List<String>> result = AT_ONCE.call("AsyncTasks." + method + "(3 steps that are not"
                        + " done)", () -> {
                            caller.set(Thread.currentThread());
                            CompletableFuture<List<String>> r = call(method, steps.suppliers());
                            steps.noteReturn();
                            return r;
                        });
                assertThat(result).as("the future AsyncTasks." + method + " returned").isNotNull();
                for (int index : now) {
                    Thread thread = steps.callerOf(index);
                    if (thread != caller.get()) {
                        fail("expected " + method + " to call step " + index + "'s supplier itself, on the thread that"
                                + " called " + method + " (" + caller.get().getName() + "), before it returned, but "
                                + (thread == null ? "it had not been called when " + method + " returned"
                                        : "it was called on the thread " + thread.getName()
                                                + (steps.calledAtReturn().contains(index) ? "" : ", after " + method
                                                        + " returned"))
                                + ": a supplier that " + method + " hands to a pool runs whenever that pool gets to"
                                + " it, not now.");
                    }
                }
            } finally {
                steps.completeAll();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Steps whose futures the test completes by hand; each records when, and on which thread, its supplier was called. */
    private static final class HandSteps {
        private final List<CompletableFuture<String>> futures = new ArrayList<>();
        private final List<CompletableFuture<String>> dependents = new ArrayList<>();
        private final List<Integer> called = new CopyOnWriteArrayList<>();
        private final List<Integer> calledEarly = new CopyOnWriteArrayList<>();
        private final Map<Integer, Thread> callers = new ConcurrentHashMap<>();
        private volatile List<Integer> atReturn;

        HandSteps(int n) {
            for (int i = 0; i < n; i++) {
                CompletableFuture<String> f = new CompletableFuture<>();
                futures.add(f);
                dependents.add(f.thenApply(v -> v)); // fails with a CompletionException around the cause
            }
        }

        List<Supplier<CompletableFuture<String>>> suppliers() {
            return suppliers(futures);
        }

        /** Suppliers of dependent stages, whose failure callbacks see wrapped in a CompletionException. */
        List<Supplier<CompletableFuture<String>>> dependentSuppliers() {
            return suppliers(dependents);
        }

        private List<Supplier<CompletableFuture<String>>> suppliers(List<CompletableFuture<String>> given) {
            List<Supplier<CompletableFuture<String>>> list = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                int index = i;
                list.add(() -> {
                    callers.putIfAbsent(index, Thread.currentThread());
                    if (index > 0 && !futures.get(index - 1).isDone()) {
                        calledEarly.add(index);
                    }
                    called.add(index);
                    return given.get(index);
                });
            }
            return list;
        }

        void noteReturn() {
            atReturn = List.copyOf(called);
        }

        List<Integer> calledAtReturn() {
            return atReturn;
        }

        List<Integer> called() {
            return List.copyOf(called);
        }

        /** The thread that first called step {@code index}'s supplier; null while none did. */
        Thread callerOf(int index) {
            return callers.get(index);
        }

        List<Integer> calledEarly() {
            return List.copyOf(calledEarly);
        }

        void complete(int index, String value) {
            futures.get(index).complete(value);
        }

        void fail(int index, Throwable failure) {
            futures.get(index).completeExceptionally(failure);
        }

        void completeAll() {
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).complete("late r" + i);
            }
        }

        void awaitCalled(int index, String what) {
            try {
                await(what, SETTLE).until(() -> called.contains(index));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("expected " + what + ", but within " + scaled(SETTLE).toMillis()
                        + " ms its supplier was not called (steps called: " + called + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static CompletableFuture<List<String>> call(String method,
            List<? extends Supplier<? extends CompletableFuture<? extends String>>> steps) {
        return method.equals("sequentially") ? AsyncTasks.sequentially(steps) : AsyncTasks.concurrently(steps);
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    /** The value once the future completed normally, within SETTLE; fails with what happened otherwise. */
    private static <T> T awaitDone(CompletableFuture<T> future, String what) {
        awaitCompletion(future, what, "");
        Throwable failure = rawFailure(future);
        if (failure != null) {
            throw new AssertionError("expected " + what + " to complete normally, but it failed with " + failure,
                    failure);
        }
        return future.getNow(null);
    }

    /** The exception as whenComplete and handle see it, once the future failed within SETTLE. */
    private static Throwable awaitFailure(CompletableFuture<?> future, String what) {
        return awaitFailure(future, what, "");
    }

    /** Like {@link #awaitFailure(CompletableFuture, String)}, with advice for a result that never completes. */
    private static Throwable awaitFailure(CompletableFuture<?> future, String what, String advice) {
        assertThat(future).as(what).isNotNull();
        awaitCompletion(future, what, advice);
        Throwable failure = rawFailure(future);
        if (failure == null) {
            fail("expected " + what + " to fail, but it completed normally with " + future.getNow(null));
        }
        return failure;
    }

    private static void awaitCompletion(CompletableFuture<?> future, String what, String advice) {
        try {
            await(what, SETTLE).until(future::isDone);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " to be completed within " + scaled(SETTLE).toMillis()
                    + " ms, but it was still not completed" + advice);
        }
    }

    /** Fails unless the result failed with exactly {@code expected}, naming what it failed with instead. */
    private static void assertFailedWithItself(Throwable actual, Throwable expected, String what) {
        if (actual == expected) {
            return;
        }
        String instead = actual instanceof CompletionException && actual.getCause() == expected
                ? "a CompletionException around it. Callbacks see a failure that came through a dependent stage"
                        + " wrapped like this: complete your result with its cause."
                : actual.toString() + ".";
        throw new AssertionError("expected " + what + " to fail with exactly " + expected
                + " (as whenComplete and handle see it), but it failed with " + instead);
    }

    private static Throwable rawFailure(CompletableFuture<?> future) {
        AtomicReference<Throwable> raw = new AtomicReference<>();
        future.whenComplete((v, e) -> raw.set(e));
        return raw.get();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String waitFor(CompletableFuture<String> future, Duration atMost, String what) throws Exception {
        try {
            return future.get(scaled(atMost).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("expected the future of " + what + " to complete within "
                    + scaled(atMost).toMillis() + " ms, but it did not");
        }
    }
}

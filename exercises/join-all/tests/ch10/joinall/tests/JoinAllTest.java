package ch10.joinall.tests;

import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.rendezvous;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.taskThreads;
import static lockstep.testkit.Lockstep.turns;
import static lockstep.testkit.Lockstep.waitingTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch10.joinall.JoinAll;
import ch10.joinall.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import lockstep.testkit.Bound;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rendezvous;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.TaskThreads;
import lockstep.testkit.Turns;
import lockstep.testkit.WaitingTasks;
import org.junit.jupiter.api.Test;

class JoinAllTest {

    /** The longest any call of JoinAll may take here, before the slack factor. */
    private static final Bound CALL = Bound.of(Duration.ofSeconds(5));

    /** How long a task blocked by the test waits at most before it gives up on its own. */
    private static final Duration TASK_PATIENCE = Duration.ofSeconds(6);

    private static final int MANY = 10_000;

    // ---------------------------------------------------------------- joinAll: threads

    @Test
    @Points(2)
    @Hint("Start one virtual thread per task (Thread.ofVirtual().start, or Executors.newVirtualThreadPerTaskExecutor()):"
            + " not a pool of platform threads, not the calling thread.")
    void joinAllRunsEachTaskOnItsOwnVirtualThread() throws Exception {
        int n = 50;
        TaskThreads recorded = taskThreads(n);
        AtomicReference<Thread> caller = new AtomicReference<>();
        List<Callable<Integer>> tasks = recorded.tasks();
        CALL.call("JoinAll.joinAll(50 tasks)", () -> {
            caller.set(Thread.currentThread());
            return JoinAll.joinAll(tasks);
        });
        for (int i = 0; i < n; i++) {
            Thread thread = recorded.ranOn(i, "joinAll", caller.get());
            assertThat(thread.isVirtual())
                    .as("whether task " + i + " ran on a virtual thread: it ran on the platform thread \""
                            + thread.getName() + "\"; joinAll must start a virtual thread per task")
                    .isTrue();
        }
        recorded.assertOneThreadPerTask();
    }

    @Test
    @Points(2)
    @Hint("Start every task before you wait for any of them; a pool of a few threads runs only a few tasks at a time.")
    void joinAllStartsEveryTaskAtOnce() throws Exception {
        int n = 200;
        Rendezvous meet = rendezvous(n);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int task = i;
            tasks.add(() -> {
                meet.arrive();
                return task;
            });
        }
        List<Outcome<Integer>> outcomes = CALL.call("JoinAll.joinAll(200 tasks)", () -> JoinAll.joinAll(tasks));
        meet.assertAllMet();
        assertThat(outcomes).as("the outcomes of joinAll(200 tasks)").hasSize(n);
    }

    @Test
    @Points(2)
    @Hint("Virtual threads make 10,000 sleeping tasks cheap: a sleeping virtual thread holds no platform thread."
            + " A platform thread per task, or a fixed pool, is what costs threads or time here.")
    void joinAllOfTenThousandSleepingTasksTakesAboutOneSleep() throws Exception {
        Duration sleep = Duration.ofMillis(100);
        Duration limit = Duration.ofSeconds(5);
        List<Callable<Integer>> tasks = new ArrayList<>(MANY);
        for (int i = 0; i < MANY; i++) {
            int task = i;
            tasks.add(() -> {
                Thread.sleep(sleep);
                return task;
            });
        }
        StartedThreads started = countStartedThreads();
        Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(10,000 tasks that sleep 100 ms)",
                () -> JoinAll.joinAll(tasks));
        Throwable late = catchThrowable(() -> call.join(limit));
        if (late instanceof AssertionError stuck) {
            throw new AssertionError("expected 10,000 tasks that each sleep 100 ms to be done together in about 100 ms,"
                    + " but joinAll had not returned after " + scaled(limit).toMillis() + " ms: the tasks ran a few at"
                    + " a time (a fixed pool?) instead of all at once on virtual threads.\n" + stuck.getMessage());
        }
        if (late != null) {
            throw new AssertionError("JoinAll.joinAll(10,000 tasks that sleep 100 ms) threw " + late, late);
        }
        List<Outcome<Integer>> outcomes = call.join(Duration.ofSeconds(1));
        assertThat(started.started())
                .as("how many platform threads joinAll(10,000 tasks) started: a virtual thread per task needs only"
                        + " a few carrier threads, not a platform thread per task")
                .isLessThan(1_000);
        assertThat(outcomes).as("the outcomes of joinAll(10,000 tasks)").hasSize(MANY);
        assertThat(outcomes.stream().filter(o -> o instanceof Outcome.Success).count())
                .as("how many of the 10,000 sleeping tasks gave a Success").isEqualTo((long) MANY);
    }

    // ---------------------------------------------------------------- joinAll: outcomes

    @Test
    @Points(2)
    @Hint("Keep each task's Outcome in the slot of its index, not in the order the tasks happen to finish.")
    void joinAllReturnsTheOutcomesInTaskOrder() throws Exception {
        int n = 8;
        Turns turns = turns(n);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int task = i;
            tasks.add(() -> {
                turns.take(n - 1 - task); // the last task finishes first, the first one last
                return "r" + task;
            });
        }
        List<Outcome<String>> outcomes = CALL.call("JoinAll.joinAll(8 tasks)", () -> JoinAll.joinAll(tasks));
        List<Outcome<String>> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(new Outcome.Success<>("r" + i));
        }
        assertThat(outcomes)
                .as("the outcomes of joinAll: they must be in the order of the tasks, whatever order the tasks"
                        + " finish in (here task 7 finished first and task 0 last)")
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Points(2)
    @Hint("Catch what the task throws in its own thread and keep exactly that in Failure: not an ExecutionException"
            + " or CompletionException around it. A failing task must not stop or interrupt the others.")
    void joinAllGivesAFailingTaskExactlyWhatItThrewAndLeavesTheOthersAlone() throws Exception {
        IOException boom0 = new IOException("task 0 failed");
        IllegalStateException boom2 = new IllegalStateException("task 2 failed");
        AtomicReference<Thread> failing = new AtomicReference<>();
        AtomicInteger interrupted = new AtomicInteger();
        Callable<String> fails = () -> {
            failing.set(Thread.currentThread());
            throw boom0;
        };
        Callable<String> afterIt = () -> {
            awaitDoneWith(awaitSet(failing));
            if (Thread.currentThread().isInterrupted()) {
                interrupted.incrementAndGet();
            }
            return "done";
        };
        AtomicReference<Thread> ended = new AtomicReference<>();
        Callable<String> endsAfterTheFailure = () -> {
            ended.set(Thread.currentThread());
            return afterIt.call();
        };
        Callable<String> failsToo = () -> {
            awaitDoneWith(awaitSet(ended)); // ends last: the tasks end in the order 0, 1, 2
            throw boom2;
        };
        List<Outcome<String>> outcomes = CALL.call("JoinAll.joinAll(3 tasks, 2 of them failing)",
                () -> JoinAll.joinAll(List.of(fails, endsAfterTheFailure, failsToo)));
        assertThat(outcomes).as("the outcomes of joinAll(3 tasks)").hasSize(3);
        assertThat(outcomes.get(0)).as("the outcome of task 0, which threw " + boom0).isInstanceOf(Outcome.Failure.class);
        assertThat(((Outcome.Failure<String>) outcomes.get(0)).cause())
                .as("the cause in the Failure of task 0: exactly what it threw, not wrapped")
                .isSameAs(boom0);
        assertThat(outcomes.get(1))
                .as("the outcome of task 1, which ended normally after task 0 had failed: another task's failure"
                        + " must not affect it")
                .isEqualTo(new Outcome.Success<>("done"));
        assertThat(interrupted.get()).as("whether task 1 was interrupted because task 0 failed").isZero();
        assertThat(outcomes.get(2)).as("the outcome of task 2, which threw " + boom2).isInstanceOf(Outcome.Failure.class);
        assertThat(((Outcome.Failure<String>) outcomes.get(2)).cause())
                .as("the cause in the Failure of task 2: exactly what it threw, not wrapped")
                .isSameAs(boom2);
    }

    @Test
    @Points(1)
    @Hint("With no tasks there is nothing to start or wait for: return an empty list.")
    void joinAllOfNoTasksReturnsAnEmptyList() throws Exception {
        assertThat(CALL.call("JoinAll.joinAll(an empty list)", () -> JoinAll.joinAll(List.<Callable<Integer>>of())))
                .as("JoinAll.joinAll(List.of())").isNotNull().isEmpty();
        assertThat(CALL.call("JoinAll.joinAll(an empty list, 1 s)",
                () -> JoinAll.joinAll(List.<Callable<Integer>>of(), Duration.ofSeconds(1))))
                .as("JoinAll.joinAll(List.of(), 1 s)").isNotNull().isEmpty();
    }

    @Test
    @Points(1)
    @Hint("Check the list, every task and the timeout (null, negative) before you start the first thread.")
    void joinAllRejectsBadArgumentsBeforeStartingAnyTask() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Callable<Integer> counting = ran::incrementAndGet;
        List<Callable<Integer>> withNull = Arrays.asList(counting, null, counting);
        assertThatThrownBy(() -> JoinAll.joinAll(null)).as("JoinAll.joinAll(null)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(withNull)).as("JoinAll.joinAll([task, null, task])")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(null, Duration.ofSeconds(1))).as("JoinAll.joinAll(null, 1 s)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(withNull, Duration.ofSeconds(1)))
                .as("JoinAll.joinAll([task, null, task], 1 s)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(List.of(counting), null)).as("JoinAll.joinAll([task], null)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(List.of(counting), Duration.ofMillis(-1)))
                .as("JoinAll.joinAll([task], -1 ms)")
                .isInstanceOf(IllegalArgumentException.class);
        Thread.sleep(scaled(Duration.ofMillis(100)));
        assertThat(ran.get())
                .as("how many tasks ran although joinAll threw for a bad argument: the checks must come before any"
                        + " thread is started")
                .isZero();
    }

    @Test
    @Points(3)
    @Hint("If join() throws InterruptedException, interrupt every task thread, wait for them to end, then throw the"
            + " InterruptedException on: never swallow it.")
    void joinAllInterruptedInterruptsItsTasksAndThrowsInterruptedException() throws Exception {
        try (WaitingTasks tasks = waitingTasks(4, TASK_PATIENCE)) {
            Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(4 waiting tasks) interrupted",
                    () -> JoinAll.joinAll(tasks.tasks()));
            tasks.assertInterruptingTheCallerStopsEveryTask("joinAll", call);
        }
    }

    // ---------------------------------------------------------------- joinAll with a timeout

    @Test
    @Points(3)
    @Hint("At the deadline, interrupt every task that is still running and give its slot Failure(TimeoutException),"
            + " whatever it throws when interrupted; tasks that ended in time keep their own outcome.")
    void joinAllWithTimeoutInterruptsTheLateTasksAndGivesThemTimeoutException() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        IOException boom = new IOException("task 1 failed");
        AtomicReference<Thread> quickThread = new AtomicReference<>();
        AtomicReference<Thread> failingThread = new AtomicReference<>();
        Callable<String> quick = () -> {
            quickThread.set(Thread.currentThread());
            return "quick";
        };
        Callable<String> failing = () -> {
            failingThread.set(Thread.currentThread());
            awaitDoneWith(awaitSet(quickThread)); // the tasks end in the order 0, 1, 3, and 2 at the timeout
            throw boom;
        };
        Callable<String> blocking = () -> {
            try {
                never.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                return "not interrupted";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        Callable<String> endsInTime = () -> {
            awaitDoneWith(awaitSet(failingThread));
            Thread.sleep(50);
            return "in time";
        };
        try {
            List<Outcome<String>> outcomes = CALL.call("JoinAll.joinAll(4 tasks, 500 ms)",
                    () -> JoinAll.joinAll(List.of(quick, failing, blocking, endsInTime), Duration.ofMillis(500)));
            assertThat(outcomes).as("the outcomes of joinAll(4 tasks, 500 ms)").hasSize(4);
            assertThat(outcomes.get(0)).as("the outcome of task 0, which returned at once")
                    .isEqualTo(new Outcome.Success<>("quick"));
            assertThat(outcomes.get(1)).as("the outcome of task 1, which threw at once")
                    .isEqualTo(new Outcome.Failure<>(boom));
            assertThat(awaitCount(interrupted, 1))
                    .as("whether task 2, still running at the timeout, was interrupted").isEqualTo(1);
            assertThat(outcomes.get(2)).as("the outcome of task 2, still running at the timeout")
                    .isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure<String>) outcomes.get(2)).cause())
                    .as("the cause in the Failure of task 2, which was still running at the timeout: a"
                            + " TimeoutException, whatever the task threw once interrupted")
                    .isInstanceOf(TimeoutException.class);
            assertThat(outcomes.get(3)).as("the outcome of task 3, which ended about 50 ms after it started, long"
                    + " before the timeout").isEqualTo(new Outcome.Success<>("in time"));
        } finally {
            never.countDown();
        }
    }

    @Test
    @Points(2)
    @Hint("Wait for all tasks until ONE deadline (start + timeout), not for each task in turn for a whole timeout.")
    void joinAllWithTimeoutReturnsSoonAfterTheTimeout() throws Exception {
        int n = 20;
        Duration timeout = Duration.ofMillis(200);
        CountDownLatch never = new CountDownLatch(1);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int task = i;
            tasks.add(() -> {
                never.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                return task;
            });
        }
        Duration limit = timeout.plus(scaled(Duration.ofMillis(800)));
        try {
            long start = System.nanoTime();
            Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(20 waiting tasks, 200 ms)",
                    () -> JoinAll.joinAll(tasks, timeout));
            Throwable thrown = catchThrowable(() -> call.join(Duration.ofSeconds(3)));
            long took = System.nanoTime() - start;
            if (thrown instanceof AssertionError stuck) {
                throw new AssertionError("expected joinAll(20 waiting tasks, 200 ms) to return soon after 200 ms, but"
                        + " it had not returned after " + scaled(Duration.ofSeconds(3)).toMillis() + " ms.\n"
                        + stuck.getMessage());
            }
            if (thrown != null) {
                throw new AssertionError("JoinAll.joinAll(20 waiting tasks, 200 ms) threw " + thrown, thrown);
            }
            assertThat(Duration.ofNanos(took))
                    .as("how long joinAll(20 waiting tasks, 200 ms) took: it must return within the timeout plus"
                            + " 100 ms (here at most " + limit.toMillis() + " ms), whatever the number of tasks")
                    .isLessThanOrEqualTo(limit);
            List<Outcome<Integer>> outcomes = call.join(Duration.ofSeconds(1));
            assertThat(outcomes).as("the outcomes of joinAll(20 waiting tasks, 200 ms)").hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(outcomes.get(i)).as("the outcome of task " + i + ", still running at the timeout")
                        .isInstanceOf(Outcome.Failure.class);
                assertThat(((Outcome.Failure<Integer>) outcomes.get(i)).cause())
                        .as("the cause in the Failure of task " + i).isInstanceOf(TimeoutException.class);
            }
        } finally {
            never.countDown();
        }
    }

    @Test
    @Points(2)
    @Hint("After interrupting the late tasks, wait for their threads to end (join) before you return: an interrupt"
            + " only asks a task to stop.")
    void joinAllWithTimeoutLeavesNoTaskThreadAlive() throws Exception {
        int n = 3;
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Thread> caller = new AtomicReference<>();
        TaskThreads recorded = taskThreads(n);
        List<Callable<Integer>> tasks = recorded.tasks(task -> {
            try {
                never.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                return task;
            } catch (InterruptedException e) {
                // Stops only once joinAll has returned or is surely waiting for this thread to end.
                Thread waiting = caller.get();
                if (waiting != null && waiting != Thread.currentThread()) {
                    awaitSteadilyWaiting(waiting, Duration.ofMillis(30), TASK_PATIENCE);
                }
                throw e;
            }
        });
        AtomicReference<List<String>> aliveOnReturn = new AtomicReference<>();
        try {
            List<Outcome<Integer>> outcomes = CALL.call("JoinAll.joinAll(3 waiting tasks, 200 ms)", () -> {
                caller.set(Thread.currentThread());
                try {
                    return JoinAll.joinAll(tasks, Duration.ofMillis(200));
                } finally {
                    aliveOnReturn.set(recorded.alive());
                }
            });
            assertThat(aliveOnReturn.get())
                    .as("the task threads still alive when joinAll(3 waiting tasks, 200 ms) returned: after"
                            + " interrupting them it must wait for them to end")
                    .isEmpty();
            assertThat(outcomes).as("the outcomes of joinAll(3 waiting tasks, 200 ms)").hasSize(n);
        } finally {
            never.countDown();
        }
    }

    @Test
    @Points(1)
    @Hint("The timeout is a limit, not a wait: return as soon as every task is done. A zero timeout is allowed and"
            + " interrupts every task still running at once.")
    void joinAllWithTimeoutWaitsNoLongerThanTheTasksNeed() throws Exception {
        long start = System.nanoTime();
        List<Outcome<Integer>> outcomes = CALL.call("JoinAll.joinAll(2 quick tasks, 10 s)",
                () -> JoinAll.joinAll(List.<Callable<Integer>>of(() -> 1, () -> 2), Duration.ofSeconds(10)));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("how long joinAll(2 tasks that return at once, 10 s) took: it must return once both are done")
                .isLessThan(scaled(Duration.ofSeconds(2)));
        assertThat(outcomes).as("the outcomes of joinAll(2 quick tasks, 10 s)")
                .containsExactlyInAnyOrder(new Outcome.Success<>(1), new Outcome.Success<>(2));
        CountDownLatch never = new CountDownLatch(1);
        Callable<Integer> blocking = () -> {
            never.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        };
        try {
            start = System.nanoTime();
            List<Outcome<Integer>> timedOut = CALL.call("JoinAll.joinAll(2 waiting tasks, 0 ms)",
                    () -> JoinAll.joinAll(List.of(blocking, blocking), Duration.ZERO));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("how long joinAll(2 waiting tasks, 0 ms) took").isLessThan(scaled(Duration.ofSeconds(2)));
            assertThat(timedOut).as("the outcomes of joinAll(2 waiting tasks, 0 ms)").hasSize(2)
                    .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Outcome.Failure.class,
                            f -> assertThat(f.cause()).as("the cause in the Failure of a task still running at a"
                                    + " zero timeout").isInstanceOf(TimeoutException.class)));
        } finally {
            never.countDown();
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Waits until {@code other} is done with its task: it ended (a thread per task), or it has been waiting
     * for 20 ms without a break (a pool thread waiting for its next task); at most 2 s (scaled).
     */
    private static void awaitDoneWith(Thread other) throws InterruptedException {
        if (other != null && other != Thread.currentThread()) {
            awaitSteadilyWaiting(other, Duration.ofMillis(20), Duration.ofSeconds(2));
        }
    }

    /** The counter's value once it reached {@code expected}, or after 1 s (scaled) at most. */
    private static int awaitCount(AtomicInteger counter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + scaled(Duration.ofSeconds(1)).toNanos();
        while (counter.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return counter.get();
    }

    private static Thread awaitSet(AtomicReference<Thread> reference) throws InterruptedException {
        long deadline = System.nanoTime() + scaled(TASK_PATIENCE).toNanos();
        while (reference.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return reference.get();
    }
}

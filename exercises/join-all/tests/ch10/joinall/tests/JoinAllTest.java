package ch10.joinall.tests;

import static lockstep.testkit.Lockstep.await;
import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.heldTasks;
import static lockstep.testkit.Lockstep.interruptAndAwaitTaken;
import static lockstep.testkit.Lockstep.rendezvous;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.taskThreads;
import static lockstep.testkit.Lockstep.tripwireTasks;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import lockstep.testkit.Bound;
import lockstep.testkit.HeldTasks;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rendezvous;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.TaskThreads;
import lockstep.testkit.TripwireTasks;
import lockstep.testkit.WaitingTasks;
import org.junit.jupiter.api.Test;

/**
 * Whether joinAll waits for its tasks is proven with tasks the test holds and lets finish one at a time
 * ({@code heldTasks}), or with a task that ends last only once joinAll is blocked waiting: a joinAll that returns while
 * a task still runs is caught on every run, not only when a thread happens to be slow. The tests about time keep wide
 * margins between "at once" and "one after another".
 */
class JoinAllTest {

    /** The longest any call of JoinAll may take here, before the slack factor. */
    private static final Bound CALL = Bound.of(Duration.ofSeconds(5));

    /** How long a task blocked by the test waits at most before it gives up on its own. */
    private static final Duration TASK_PATIENCE = Duration.ofSeconds(6);

    private static final int MANY = 10_000;

    /** How long a caller must have been waiting without a break to count as blocked, before the slack factor. */
    private static final Duration STEADY = Duration.ofMillis(100);

    /**
     * How long a task's thread may take to end once joinAll returned, before the slack factor: whether it is gone a
     * microsecond after the return is the scheduler's choice; one still alive after this was never waited for.
     */
    private static final Duration ENDING = Duration.ofSeconds(1);

    /** Where to look when joinAll ended while a task was still running, in the learner's terms. */
    private static final String WAIT_FOR_EVERY_TASK = "joinAll must wait for (join) every task's thread before it"
            + " returns, not only for the first one: the outcomes of the tasks still running are not there yet.";

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
        assertEachRanOnAVirtualThreadOfItsOwn(recorded, n, "joinAll", caller.get());
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
        // What joinAll returns is other tests' business: only whether the tasks met is judged here.
        CALL.call("JoinAll.joinAll(200 tasks)", () -> JoinAll.joinAll(tasks));
        meet.assertAllMet();
    }

    @Test
    @Points(2)
    @Hint("joinAll with a timeout starts its tasks as joinAll does: every task at once, each on a virtual thread of its"
            + " own; the timeout only limits how long it waits for them.")
    void joinAllWithTimeoutRunsEachTaskAtOnceOnItsOwnVirtualThread() throws Exception {
        int n = 200;
        Rendezvous meet = rendezvous(n);
        TaskThreads recorded = taskThreads(n);
        List<Callable<Integer>> tasks = recorded.tasks(task -> {
            meet.arrive();
            return task;
        });
        AtomicReference<Thread> caller = new AtomicReference<>();
        // A timeout far beyond the call's bound: only how the tasks ran is judged here, not what joinAll returns.
        CALL.call("JoinAll.joinAll(200 tasks, 10 minutes)", () -> {
            caller.set(Thread.currentThread());
            return JoinAll.joinAll(tasks, Duration.ofMinutes(10));
        });
        meet.assertAllMet();
        assertEachRanOnAVirtualThreadOfItsOwn(recorded, n, "joinAll with a timeout", caller.get());
    }

    /** Each of the {@code n} tasks of {@code recorded} ran on a virtual thread of its own, none of them {@code caller}. */
    private static void assertEachRanOnAVirtualThreadOfItsOwn(TaskThreads recorded, int n, String call, Thread caller) {
        for (int i = 0; i < n; i++) {
            Thread thread = recorded.ranOn(i, call, caller);
            assertThat(thread.isVirtual())
                    .as("whether task " + i + " ran on a virtual thread: it ran on the platform thread \""
                            + thread.getName() + "\"; " + call + " must start a virtual thread per task")
                    .isTrue();
        }
        recorded.assertOneThreadPerTask();
    }

    @Test
    @Points(2)
    @Hint("Virtual threads make 10,000 sleeping tasks cheap: a sleeping virtual thread holds no platform thread."
            + " A platform thread per task, or a fixed pool, is what costs threads or time here.")
    void joinAllOfTenThousandSleepingTasksTakesAboutOneSleep() throws Exception {
        Duration sleep = Duration.ofMillis(100);
        Duration limit = Duration.ofSeconds(5);
        TaskThreads recorded = taskThreads(MANY);
        AtomicReference<Thread> caller = new AtomicReference<>();
        AtomicBoolean lastEnded = new AtomicBoolean();
        AtomicBoolean endedBeforeTheReturn = new AtomicBoolean();
        List<Callable<Integer>> tasks = recorded.tasks(task -> {
            Thread.sleep(sleep);
            if (task == 0) {
                // Task 0 ends last: once every other task's thread has ended and joinAll is blocked waiting. Whichever
                // tasks joinAll waits for, every other outcome is then stored; one that did not wait returned before.
                recorded.awaitOthersEnded(0, TASK_PATIENCE);
                Thread waiting = caller.get();
                if (waiting != null && waiting != Thread.currentThread()) {
                    awaitSteadilyWaiting(waiting, STEADY, Duration.ofSeconds(2));
                }
                lastEnded.set(true);
            }
            return task;
        });
        StartedThreads started = countStartedThreads();
        Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(10,000 tasks that sleep 100 ms)", () -> {
            caller.set(Thread.currentThread());
            try {
                return JoinAll.joinAll(tasks);
            } finally {
                endedBeforeTheReturn.set(lastEnded.get());
            }
        });
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
        assertThat(endedBeforeTheReturn.get())
                .as("whether the 10,000 tasks had all finished when joinAll returned: task 0, which the test let finish"
                        + " last, was still running (joinAll must wait for every task it started)")
                .isTrue();
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
        try (HeldTasks held = heldTasks(n)) {
            List<Callable<String>> tasks = held.tasks(task -> "r" + task);
            Helper<List<Outcome<String>>> call = startCalling("JoinAll.joinAll(8 tasks)", () -> JoinAll.joinAll(tasks));
            // The last task finishes first, the first one last.
            held.finishInOrder("joinAll", call, WAIT_FOR_EVERY_TASK, 7, 6, 5, 4, 3, 2, 1, 0);
            List<Outcome<String>> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(new Outcome.Success<>("r" + i));
            }
            assertThat(call.join(CALL.limit()))
                    .as("the outcomes of joinAll: they must be in the order of the tasks, whatever order the tasks"
                            + " finish in (here task 7 finished first and task 0 last)")
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    @Points(2)
    @Hint("Catch what the task throws in its own thread and keep exactly that in Failure: not an ExecutionException"
            + " or CompletionException around it. A failing task must not stop or interrupt the others.")
    void joinAllGivesAFailingTaskExactlyWhatItThrewAndLeavesTheOthersAlone() throws Exception {
        IOException boom0 = new IOException("task 0 failed");
        IllegalStateException boom2 = new IllegalStateException("task 2 failed");
        try (HeldTasks held = heldTasks(3)) {
            AtomicBoolean interruptedInItsBody = new AtomicBoolean();
            List<Callable<String>> tasks = held.tasks(task -> {
                switch (task) {
                    case 0 -> throw boom0;
                    case 1 -> {
                        interruptedInItsBody.set(Thread.currentThread().isInterrupted());
                        return "done";
                    }
                    default -> throw boom2;
                }
            });
            Helper<List<Outcome<String>>> call = startCalling("JoinAll.joinAll(3 tasks, 2 of them failing)",
                    () -> JoinAll.joinAll(tasks));
            // The tasks end in the order 0, 1, 2: task 1 ends normally after task 0 failed.
            held.finishInOrder("joinAll", call, WAIT_FOR_EVERY_TASK, 0, 1, 2);
            List<Outcome<String>> outcomes = call.join(CALL.limit());
            assertThat(outcomes).as("the outcomes of joinAll(3 tasks)").hasSize(3);
            assertThat(outcomes.get(0)).as("the outcome of task 0, which threw " + boom0).isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure<String>) outcomes.get(0)).cause())
                    .as("the cause in the Failure of task 0: exactly what it threw, not wrapped")
                    .isSameAs(boom0);
            assertThat(outcomes.get(1))
                    .as("the outcome of task 1, which ended normally after task 0 had failed: another task's failure"
                            + " must not affect it")
                    .isEqualTo(new Outcome.Success<>("done"));
            assertThat(held.interruptedWhileHeld(1) || interruptedInItsBody.get())
                    .as("whether task 1 was interrupted because task 0 failed").isFalse();
            assertThat(outcomes.get(2)).as("the outcome of task 2, which threw " + boom2).isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure<String>) outcomes.get(2)).cause())
                    .as("the cause in the Failure of task 2: exactly what it threw, not wrapped")
                    .isSameAs(boom2);
        }
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
        TripwireTasks wire = tripwireTasks();
        Callable<Integer> counting = wire.task();
        List<Callable<Integer>> withNull = Arrays.asList(counting, null, counting);
        assertThatThrownBy(() -> JoinAll.joinAll(null), "JoinAll.joinAll(null)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(withNull), "JoinAll.joinAll([task, null, task])")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(null, Duration.ofSeconds(1)), "JoinAll.joinAll(null, 1 s)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(withNull, Duration.ofSeconds(1)),
                "JoinAll.joinAll([task, null, task], 1 s)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(List.of(counting), null), "JoinAll.joinAll([task], null)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JoinAll.joinAll(List.of(counting), Duration.ofMillis(-1)), "JoinAll.joinAll([task], -1 ms)")
                .isInstanceOf(IllegalArgumentException.class);
        wire.assertNoneRan("joinAll for a bad argument", "The checks must come before any thread is started: check the"
                + " list, every task and the timeout first.");
    }

    @Test
    @Points(2)
    @Hint("Wait for (join) every task's thread before you return, not only the first one: an outcome is stored only"
            + " when its task has finished.")
    void joinAllWaitsForEveryTaskBeforeReturning() throws Exception {
        try (HeldTasks held = heldTasks(4)) {
            List<Callable<Integer>> tasks = held.tasks();
            Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(4 tasks)", () -> JoinAll.joinAll(tasks));
            // Task 0 finishes first: a joinAll that waits only for the first task returns now.
            held.finishInOrder("joinAll", call, WAIT_FOR_EVERY_TASK, 0, 1, 2, 3);
            call.join(CALL.limit());
            for (int i = 0; i < 4; i++) {
                assertThat(held.interruptedWhileHeld(i))
                        .as("whether joinAll(4 tasks), which has no timeout, interrupted task %d while it was still"
                                + " running: it must simply wait for it", i)
                        .isFalse();
            }
            await("the threads of the 4 tasks to end once joinAll returned", ENDING).until(held::threadsAlive,
                    List::isEmpty);
        }
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
    @Points(2)
    @Hint("joinAll with a timeout is interrupted like joinAll: interrupt every task thread, wait for them to end, then"
            + " throw the InterruptedException on. An interrupt is not the deadline: never turn it into"
            + " TimeoutException failures and a normal return.")
    void joinAllWithTimeoutInterruptedInterruptsItsTasksAndThrowsInterruptedException() throws Exception {
        try (WaitingTasks tasks = waitingTasks(4, TASK_PATIENCE)) {
            // The deadline is far beyond the test: only the interrupt can end this call early.
            Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(4 waiting tasks, 10 minutes) interrupted",
                    () -> JoinAll.joinAll(tasks.tasks(), Duration.ofMinutes(10)));
            tasks.assertInterruptingTheCallerStopsEveryTask("joinAll with a timeout", call);
        }
    }

    @Test
    @Points(1)
    @Hint("After the deadline, joinAll still waits for the late tasks it interrupted to end. If it is interrupted"
            + " during that wait too, let them end, then throw the InterruptedException on: never swallow it.")
    void joinAllWithTimeoutInterruptedWhileTheLateTasksEndThrowsInterruptedException() throws Exception {
        CountDownLatch interruptedAtTheDeadline = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        // A late task that is slow to end once interrupted: it ends only when the test lets it (or its patience runs out).
        Callable<String> slowToEnd = () -> {
            try {
                new CountDownLatch(1).await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                return "not interrupted";
            } catch (InterruptedException e) {
                interruptedAtTheDeadline.countDown();
                long until = System.nanoTime() + scaled(TASK_PATIENCE).toNanos();
                while (mayEnd.getCount() > 0 && System.nanoTime() - until < 0) {
                    try {
                        mayEnd.await(10, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException again) {
                        // still ending: only the test decides when
                    }
                }
                return "ended late";
            }
        };
        String what = "JoinAll.joinAll(a task slow to end once interrupted, 200 ms)";
        Helper<List<Outcome<String>>> call = startCalling(what, () -> JoinAll.joinAll(List.of(slowToEnd), Duration.ofMillis(200)));
        try {
            assertThat(interruptedAtTheDeadline.await(scaled(CALL.limit()).toMillis(), TimeUnit.MILLISECONDS))
                    .as("whether %s interrupted its late task at the deadline", what).isTrue();
            // joinAll now waits for the late task to end: interrupt it during that wait, then let the task end.
            awaitSteadilyWaiting(call.thread(), Duration.ofMillis(50), CALL.limit());
            assertThat(call.isFinished())
                    .as("whether %s returned before its late task, interrupted at the deadline, had ended: it must wait"
                            + " for the task to end", what).isFalse();
            // Let the task end only once joinAll's wait took the interrupt: a wait that ends by itself at the moment it
            // is interrupted may rightly keep the interrupt as a status only, and the verdict must not hang on that race.
            interruptAndAwaitTaken(call.thread(), CALL.limit());
        } finally {
            mayEnd.countDown();
        }
        Throwable thrown = catchThrowable(() -> call.join(CALL.limit()));
        assertThat(thrown).as("what %s threw when it was interrupted while it waited for its late task to end: it must"
                + " let the task end, then throw InterruptedException", what).isInstanceOf(InterruptedException.class);
    }

    @Test
    @Points(3)
    @Hint("At the deadline, interrupt every task that is still running and give its slot Failure(TimeoutException),"
            + " whatever it throws when interrupted; tasks that ended in time keep their own outcome.")
    void joinAllWithTimeoutInterruptsTheLateTasksAndGivesThemTimeoutException() throws Exception {
        Duration timeout = scaled(Duration.ofSeconds(2));
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        IOException boom = new IOException("task 1 failed");
        Callable<String> blocking = () -> {
            try {
                never.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                return "not interrupted";
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
        };
        // Tasks 0, 1 and 3 are held by the test and end in that order, each once joinAll waits for it, long before
        // the timeout; task 2 runs until it is interrupted.
        try (HeldTasks held = heldTasks(3)) {
            List<Callable<String>> inTime = held.tasks(task -> switch (task) {
                case 0 -> "quick";
                case 1 -> throw boom;
                default -> "in time";
            });
            long start = System.nanoTime();
            Helper<List<Outcome<String>>> call = startCalling("JoinAll.joinAll(4 tasks, 2 s)",
                    () -> JoinAll.joinAll(List.of(inTime.get(0), inTime.get(1), blocking, inTime.get(2)), timeout));
            held.finishInOrder("joinAll(4 tasks, 2 s)", call, "Before the timeout has passed, joinAll must wait for"
                    + " every task.", 0, 1, 2);
            List<Outcome<String>> outcomes = call.join(CALL.limit().plus(timeout));
            String[] names = {"task 0", "task 1", "task 3"};
            for (int k = 0; k < 3; k++) {
                long after = held.interruptedAt(k).orElse(start) - start;
                if (held.interruptedWhileHeld(k) && after < timeout.toNanos()) {
                    throw new AssertionError("joinAll(4 tasks, " + timeout.toMillis() + " ms) interrupted " + names[k]
                            + " " + after / 1_000_000 + " ms after it was called, while the task was still running and"
                            + " long before the timeout: wait for every task until ONE deadline (start + timeout), and"
                            + " interrupt only the tasks still running then.");
                }
            }
            assertThat(outcomes).as("the outcomes of joinAll(4 tasks, 2 s)").hasSize(4);
            assertThat(outcomes.get(0)).as("the outcome of task 0, which returned at once")
                    .isEqualTo(new Outcome.Success<>("quick"));
            assertThat(outcomes.get(1)).as("the outcome of task 1, which threw")
                    .isEqualTo(new Outcome.Failure<>(boom));
            assertThat(awaitCount(interrupted, 1))
                    .as("whether task 2, still running at the timeout, was interrupted").isEqualTo(1);
            assertThat(outcomes.get(2)).as("the outcome of task 2, still running at the timeout")
                    .isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure<String>) outcomes.get(2)).cause())
                    .as("the cause in the Failure of task 2, which was still running at the timeout: a"
                            + " TimeoutException, whatever the task threw once interrupted")
                    .isInstanceOf(TimeoutException.class);
            assertThat(outcomes.get(3)).as("the outcome of task 3, which ended long before the timeout")
                    .isEqualTo(new Outcome.Success<>("in time"));
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
        try (HeldTasks held = heldTasks(2)) {
            List<Callable<Integer>> quick = held.tasks(task -> task + 1);
            long start = System.nanoTime();
            Helper<List<Outcome<Integer>>> call = startCalling("JoinAll.joinAll(2 quick tasks, 10 s)",
                    () -> JoinAll.joinAll(quick, Duration.ofSeconds(10)));
            // Both tasks end soon, one after the other, each once joinAll waits for it.
            held.finishInOrder("joinAll(2 quick tasks, 10 s)", call, "Before the timeout has passed, joinAll must"
                    + " wait for every task.", 0, 1);
            List<Outcome<Integer>> outcomes = call.join(CALL.limit());
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("how long joinAll(2 tasks that end soon, 10 s) took: it must return once both are done")
                    .isLessThan(scaled(Duration.ofSeconds(3)));
            assertThat(outcomes).as("the outcomes of joinAll(2 quick tasks, 10 s)")
                    .containsExactly(new Outcome.Success<>(1), new Outcome.Success<>(2));
        }
        CountDownLatch never = new CountDownLatch(1);
        Callable<Integer> blocking = () -> {
            never.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        };
        try {
            long start = System.nanoTime();
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

    /** The counter's value once it reached {@code expected}, or after 1 s (scaled) at most. */
    private static int awaitCount(AtomicInteger counter, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + scaled(Duration.ofSeconds(1)).toNanos();
        while (counter.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return counter.get();
    }
}

package ch10.spawn.tests;

import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.heldTasks;
import static lockstep.testkit.Lockstep.rendezvous;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.taskThreads;
import static lockstep.testkit.Lockstep.threadSnapshot;
import static lockstep.testkit.Lockstep.tripwireTasks;
import static lockstep.testkit.Lockstep.waitingTasks;
import static lockstep.testkit.Lockstep.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch10.spawn.TaskFailedException;
import ch10.spawn.Workers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lockstep.testkit.Bound;
import lockstep.testkit.HeldTasks;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rendezvous;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.TaskThreads;
import lockstep.testkit.ThreadSnapshot;
import lockstep.testkit.TripwireTasks;
import lockstep.testkit.WaitingTasks;
import org.junit.jupiter.api.Test;

/**
 * Whether runAll waits for its threads is proven with tasks the test holds and lets finish one at a time
 * ({@code heldTasks}): a runAll that returns or throws while a task is still held surely did not wait for it, on
 * every run. Tasks that end at once would leave it to the scheduler whether an unjoined thread is gone before anyone
 * looks. The other tests choose the order the tasks finish in so that what they judge does not depend on it either.
 */
class WorkersTest {

    /** The longest any call of Workers may take here, before the slack factor. */
    private static final Bound CALL = Bound.of(Duration.ofSeconds(5));

    /** How long a task blocked by the test waits at most before it gives up on its own. */
    private static final Duration TASK_PATIENCE = Duration.ofSeconds(6);

    /**
     * How long a thread whose task is done may take to end after runAll returned, before the slack factor. Whether
     * it is gone a microsecond after runAll returned is the scheduler's choice; a thread that is still alive after
     * this (a pool that keeps its threads, a task that was never waited for) is the learner's.
     */
    private static final Duration ENDING = Duration.ofSeconds(1);

    /** The test's own helper threads, which are not runAll's. */
    private static final java.util.function.Predicate<Thread> HELPER = t -> t.getName().startsWith("lockstep-");

    /** Where to look when runAll ended while a task was still running, in the learner's terms. */
    private static final String WAIT_FOR_EVERY_THREAD = "runAll must wait for (join) every thread it started before it"
            + " returns or throws, not only for the first one: the results of the tasks still running are not there"
            + " yet.";

    // ---------------------------------------------------------------- spawn

    @Test
    @Points(2)
    @Hint("spawn must start the thread (Thread.start, not run) and return it without waiting for the work to end.")
    void spawnReturnsAtOnceAStartedThreadWithTheGivenName() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            Thread thread = within(Duration.ofSeconds(2)).call("Workers.spawn(\"worker-7\", work that waits)",
                    () -> Workers.spawn("worker-7", () -> awaitQuietly(release)));
            assertThat(thread).as("the thread returned by Workers.spawn").isNotNull();
            assertThat(thread.getName()).as("the name of the thread returned by spawn").isEqualTo("worker-7");
            assertThat(thread.getState())
                    .as("the state of the thread spawn returned: it must already be started (Thread.start),"
                            + " and its work is still running")
                    .isNotEqualTo(Thread.State.NEW);
            assertThat(thread.isAlive())
                    .as("whether the thread spawn returned is running its work, which the test has not let finish yet")
                    .isTrue();
            assertThat(thread.isVirtual())
                    .as("whether spawn started a virtual thread: it must start a platform thread (Thread.ofPlatform()"
                            + " or new Thread)")
                    .isFalse();
        } finally {
            release.countDown();
        }
    }

    @Test
    @Points(2)
    @Hint("The work passed to spawn must run on the new thread itself, not on the thread that calls spawn.")
    void spawnRunsTheWorkOnTheNewThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Thread thread = Workers.spawn("worker-1", () -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });
        assertThat(ran.await(scaled(Duration.ofSeconds(2)).toMillis(), TimeUnit.MILLISECONDS))
                .as("whether the work given to Workers.spawn ran within 2 s: was the thread started?")
                .isTrue();
        assertThat(ranOn.get())
                .as("the thread the work ran on: it must be the new thread spawn returned, not the caller")
                .isNotSameAs(caller)
                .isSameAs(thread);
        joinBounded(thread);
    }

    @Test
    @Points(1)
    @Hint("Check the arguments with Objects.requireNonNull before you create the thread: a thread started before"
            + " the check of the name has already run the work when the NullPointerException comes.")
    void spawnRejectsANullNameOrWork() throws Exception {
        TripwireTasks wire = tripwireTasks();
        Callable<Integer> tripwire = wire.task();
        assertThatThrownBy(() -> Workers.spawn(null, () -> {
            try {
                tripwire.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), "Workers.spawn(null, work)")
                .isInstanceOf(NullPointerException.class);
        wire.assertNoneRan("Workers.spawn(null, work)", "A null name must be refused before any thread is started:"
                + " check it with Objects.requireNonNull first, then create and start the thread with its name.");
        assertThatThrownBy(() -> Workers.spawn("worker", null),
                "Workers.spawn(\"worker\", null): new Thread(null) is allowed by Java but runs nothing,"
                        + " so spawn must check it itself")
                .isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- runAll: results

    @Test
    @Points(2)
    @Hint("Keep each task's result in the slot of its index (an array the size of the task list, each thread writing"
            + " its own index), not in the order the threads happen to finish.")
    void runAllReturnsTheResultsInTaskOrder() throws Exception {
        int n = 8;
        try (HeldTasks held = heldTasks(n)) {
            List<Callable<String>> tasks = held.tasks(task -> "r" + task);
            Helper<List<String>> call = startCalling("Workers.runAll(8 tasks)", () -> Workers.runAll(tasks));
            // The last task finishes first, the first one last.
            held.finishInOrder("runAll", call, WAIT_FOR_EVERY_THREAD, 7, 6, 5, 4, 3, 2, 1, 0);
            assertThat(call.join(CALL.limit()))
                    .as("the results of runAll: they must be in the order of the tasks, whatever order the tasks"
                            + " finish in (here task 7 finished first and task 0 last)")
                    .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
        }
    }

    @Test
    @Points(3)
    @Hint("Start every thread first, and only then join them: a join inside the starting loop makes each task wait"
            + " for the one before.")
    void runAllRunsTheTasksAtTheSameTime() throws Exception {
        int n = 8;
        Rendezvous meet = rendezvous(n);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int task = i;
            tasks.add(() -> {
                meet.arrive();
                return task;
            });
        }
        // What runAll returns is the order test's business: only whether the tasks met is judged here.
        CALL.call("Workers.runAll(8 tasks)", () -> Workers.runAll(tasks));
        meet.assertAllMet();
    }

    @Test
    @Points(2)
    @Hint("Each task needs a thread of its own that runAll starts: not the calling thread, not a virtual thread,"
            + " not a thread that already existed.")
    void runAllRunsEachTaskOnItsOwnNewPlatformThread() throws Exception {
        int n = 6;
        TaskThreads recorded = taskThreads(n);
        AtomicReference<Thread> caller = new AtomicReference<>();
        List<Callable<Integer>> tasks = recorded.tasks();
        ThreadSnapshot before = threadSnapshot();
        StartedThreads started = countStartedThreads();
        CALL.call("Workers.runAll(6 tasks)", () -> {
            caller.set(Thread.currentThread());
            return Workers.runAll(tasks);
        });
        for (int i = 0; i < n; i++) {
            Thread thread = recorded.ranOn(i, "runAll", caller.get());
            assertThat(thread.isVirtual())
                    .as("whether task " + i + " ran on a virtual thread: runAll must use platform threads")
                    .isFalse();
            assertThat(before.contains(thread))
                    .as("whether task " + i + " ran on a thread that existed before runAll was called (a pool?):"
                            + " runAll must start new threads")
                    .isFalse();
        }
        recorded.assertOneThreadPerTask();
        started.assertAtLeast(n, "Workers.runAll(6 tasks)");
    }

    @Test
    @Points(1)
    @Hint("With no tasks there is nothing to start or wait for: return an empty list.")
    void runAllOfNoTasksReturnsAnEmptyList() throws Exception {
        List<Integer> results = CALL.call("Workers.runAll(an empty list)", () -> Workers.runAll(List.<Callable<Integer>>of()));
        assertThat(results).as("Workers.runAll(List.of())").isNotNull().isEmpty();
    }

    @Test
    @Points(1)
    @Hint("Check the list and every task for null before you start the first thread.")
    void runAllRejectsANullListOrANullTaskBeforeRunningAny() throws Exception {
        assertThatThrownBy(() -> Workers.runAll(null), "Workers.runAll(null)")
                .isInstanceOf(NullPointerException.class);
        TripwireTasks wire = tripwireTasks();
        List<Callable<Integer>> withNull = Arrays.asList(wire.task(), null, wire.task());
        assertThatThrownBy(() -> Workers.runAll(withNull), "Workers.runAll([task, null, task])")
                .isInstanceOf(NullPointerException.class);
        wire.assertNoneRan("Workers.runAll([task, null, task])", "The check for null must come before any thread is"
                + " started: check the list and every task first.");
    }

    // ---------------------------------------------------------------- runAll: failures

    @Test
    @Points(2)
    @Hint("After every thread has finished, look at the failures in index order: the lowest index wins, whichever"
            + " task failed first in time.")
    void runAllThrowsTaskFailedExceptionForTheLowestFailingIndex() throws Exception {
        IllegalStateException boom2 = new IllegalStateException("task 2 failed");
        IOException boom4 = new IOException("task 4 failed");
        try (HeldTasks held = heldTasks(6)) {
            List<Callable<String>> tasks = held.tasks(task -> {
                if (task == 2) {
                    throw boom2;
                }
                if (task == 4) {
                    throw boom4;
                }
                return "r" + task;
            });
            Helper<List<String>> call = startCalling("Workers.runAll(6 tasks, 2 of them failing)",
                    () -> Workers.runAll(tasks));
            // Task 4 fails first, then task 2, then the others end.
            held.finishInOrder("runAll", call, WAIT_FOR_EVERY_THREAD, 4, 2, 1, 3, 5, 0);
            Throwable thrown = catchThrowable(() -> call.join(CALL.limit()));
            rethrowIfBoundFailed(thrown);
            assertThat(thrown)
                    .as("what runAll threw when tasks 2 and 4 threw (task 4 first)")
                    .isInstanceOf(TaskFailedException.class);
            TaskFailedException failure = (TaskFailedException) thrown;
            assertThat(failure.index())
                    .as("TaskFailedException.index(): the lowest failing index is 2, although task 4 failed first")
                    .isEqualTo(2);
            assertThat(failure.getCause())
                    .as("the cause of TaskFailedException: exactly what task 2 threw, not wrapped")
                    .isSameAs(boom2);
        }
    }

    @Test
    @Points(2)
    @Hint("When a task fails, do not throw at once: join every thread first (one loop over all of them), then throw.")
    void runAllWaitsForEveryThreadBeforeThrowing() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("task 0 failed");
        try (HeldTasks held = heldTasks(2)) {
            List<Callable<String>> tasks = held.tasks(task -> {
                if (task == 0) {
                    throw boom;
                }
                return "late";
            });
            ThreadSnapshot before = threadSnapshot().ignoring(HELPER);
            Helper<List<String>> call = startCalling("Workers.runAll(a failing task, a slow task)",
                    () -> Workers.runAll(tasks));
            // Task 0 fails while task 1 is still running: runAll must go on waiting for task 1.
            held.finishInOrder("runAll", call, "When a task fails, runAll must still wait for (join) every other"
                    + " thread before it throws TaskFailedException.", 0, 1);
            Throwable thrown = catchThrowable(() -> call.join(CALL.limit()));
            rethrowIfBoundFailed(thrown);
            assertThat(thrown).as("what runAll threw when task 0 failed").isInstanceOf(TaskFailedException.class);
            assertThat(((TaskFailedException) thrown).index()).as("TaskFailedException.index()").isZero();
            before.assertNoNewThreadAliveWithin(ENDING, "Workers.runAll");
        }
    }

    // ---------------------------------------------------------------- runAll: no thread left behind

    @Test
    @Points(1)
    @Hint("join() every thread you started before runAll returns.")
    void runAllLeavesNoThreadAliveWhenItReturns() throws Exception {
        try (HeldTasks held = heldTasks(4)) {
            List<Callable<Integer>> tasks = held.tasks();
            ThreadSnapshot before = threadSnapshot().ignoring(HELPER);
            Helper<List<Integer>> call = startCalling("Workers.runAll(4 tasks)", () -> Workers.runAll(tasks));
            // Task 0 finishes first: a runAll that joins only the first thread it started returns now.
            held.finishInOrder("runAll", call, WAIT_FOR_EVERY_THREAD, 0, 1, 2, 3);
            call.join(CALL.limit());
            before.assertNoNewThreadAliveWithin(ENDING, "Workers.runAll");
        }
    }

    @Test
    @Points(3)
    @Hint("If join() throws InterruptedException, interrupt the threads you started, wait for them to end, and"
            + " then throw the InterruptedException on: never swallow it.")
    void runAllInterruptedInterruptsItsThreadsAndThrowsInterruptedException() throws Exception {
        try (WaitingTasks tasks = waitingTasks(4, TASK_PATIENCE)) {
            Helper<List<Integer>> call = startCalling("Workers.runAll(4 waiting tasks) interrupted",
                    () -> Workers.runAll(tasks.tasks()));
            tasks.assertInterruptingTheCallerStopsEveryTask("runAll", call);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A bounded wait that times out rather than failing: the test decides what a timeout means. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(scaled(TASK_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinBounded(Thread thread) throws InterruptedException {
        thread.join(scaled(Duration.ofSeconds(2)));
        assertThat(thread.isAlive()).as("whether the thread " + thread.getName() + " is still running after 2 s")
                .isFalse();
    }

    /** A bound that ran out is already the whole story: let its message through unchanged. */
    private static void rethrowIfBoundFailed(Throwable thrown) {
        if (thrown instanceof AssertionError error) {
            throw error;
        }
    }
}

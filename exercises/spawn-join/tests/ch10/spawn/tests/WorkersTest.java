package ch10.spawn.tests;

import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.countStartedThreads;
import static lockstep.testkit.Lockstep.rendezvous;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static lockstep.testkit.Lockstep.taskThreads;
import static lockstep.testkit.Lockstep.threadSnapshot;
import static lockstep.testkit.Lockstep.turns;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import lockstep.testkit.Bound;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rendezvous;
import lockstep.testkit.StartedThreads;
import lockstep.testkit.TaskThreads;
import lockstep.testkit.ThreadSnapshot;
import lockstep.testkit.Turns;
import lockstep.testkit.WaitingTasks;
import org.junit.jupiter.api.Test;

class WorkersTest {

    /** The longest any call of Workers may take here, before the slack factor. */
    private static final Bound CALL = Bound.of(Duration.ofSeconds(5));

    /** How long a task blocked by the test waits at most before it gives up on its own. */
    private static final Duration TASK_PATIENCE = Duration.ofSeconds(6);

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
    @Hint("Check the arguments with Objects.requireNonNull before you create the thread.")
    void spawnRejectsANullNameOrWork() {
        assertThatThrownBy(() -> Workers.spawn(null, () -> { }))
                .as("Workers.spawn(null, work)")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Workers.spawn("worker", null))
                .as("Workers.spawn(\"worker\", null): new Thread(null) is allowed by Java but runs nothing,"
                        + " so spawn must check it itself")
                .isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- runAll: results

    @Test
    @Points(2)
    @Hint("Keep each task's result in the slot of its index (like each Rust JoinHandle giving back its own value),"
            + " not in the order the threads happen to finish.")
    void runAllReturnsTheResultsInTaskOrder() throws Exception {
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
        List<String> results = CALL.call("Workers.runAll(8 tasks)", () -> Workers.runAll(tasks));
        assertThat(results)
                .as("the results of runAll: they must be in the order of the tasks, whatever order the tasks"
                        + " finish in (here task 7 finished first and task 0 last)")
                .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
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
        List<Integer> results = CALL.call("Workers.runAll(8 tasks)", () -> Workers.runAll(tasks));
        meet.assertAllMet();
        assertThat(results).as("the results of runAll").containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
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
        assertThatThrownBy(() -> Workers.runAll(null))
                .as("Workers.runAll(null)")
                .isInstanceOf(NullPointerException.class);
        AtomicInteger ran = new AtomicInteger();
        Callable<Integer> counting = () -> ran.incrementAndGet();
        List<Callable<Integer>> withNull = Arrays.asList(counting, null, counting);
        assertThatThrownBy(() -> Workers.runAll(withNull))
                .as("Workers.runAll([task, null, task])")
                .isInstanceOf(NullPointerException.class);
        Thread.sleep(scaled(Duration.ofMillis(100)));
        assertThat(ran.get())
                .as("how many tasks ran although runAll threw NullPointerException for the null task: the check"
                        + " must come before any thread is started")
                .isZero();
    }

    // ---------------------------------------------------------------- runAll: failures

    @Test
    @Points(2)
    @Hint("After every thread has finished, look at the failures in index order: the lowest index wins, whichever"
            + " task failed first in time.")
    void runAllThrowsTaskFailedExceptionForTheLowestFailingIndex() throws Exception {
        IllegalStateException boom2 = new IllegalStateException("task 2 failed");
        IOException boom4 = new IOException("task 4 failed");
        Turns turns = turns(6);
        int[] turnOf = {2, 3, 1, 4, 0, 5}; // task 4 fails first, then task 2, then the others end
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int task = i;
            tasks.add(() -> {
                turns.take(turnOf[task]);
                if (task == 2) {
                    throw boom2;
                }
                if (task == 4) {
                    throw boom4;
                }
                return "r" + task;
            });
        }
        Throwable thrown = catchThrowable(() -> CALL.call("Workers.runAll(6 tasks, 2 of them failing)",
                () -> Workers.runAll(tasks)));
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

    @Test
    @Points(2)
    @Hint("When a task fails, do not throw at once: join every thread first (Rust joins every handle), then throw.")
    void runAllWaitsForEveryThreadBeforeThrowing() throws Exception {
        AtomicReference<Thread> caller = new AtomicReference<>();
        AtomicReference<Thread> failingThread = new AtomicReference<>();
        AtomicReference<Thread> slowThread = new AtomicReference<>();
        IllegalArgumentException boom = new IllegalArgumentException("task 0 failed");
        Callable<String> failsAtOnce = () -> {
            failingThread.set(Thread.currentThread());
            throw boom;
        };
        Callable<String> endsLater = () -> {
            slowThread.set(Thread.currentThread());
            Thread failing = awaitSet(failingThread);
            if (failing != null && failing != Thread.currentThread()) {
                failing.join(scaled(TASK_PATIENCE));
            }
            // Ends only once the caller of runAll has stayed blocked for a while after task 0 failed.
            if (caller.get() != Thread.currentThread()) {
                awaitSteadilyWaiting(caller.get(), Duration.ofMillis(200), TASK_PATIENCE);
            }
            return "late";
        };
        AtomicReference<List<String>> aliveWhenThrown = new AtomicReference<>();
        ThreadSnapshot before = threadSnapshot();
        Throwable thrown = catchThrowable(() -> CALL.call("Workers.runAll(a failing task, a slow task)", () -> {
            caller.set(Thread.currentThread());
            try {
                return Workers.runAll(List.of(failsAtOnce, endsLater));
            } finally {
                aliveWhenThrown.set(namesOf(before.ignoring(t -> t == Thread.currentThread()).newThreadsAlive()));
            }
        }));
        rethrowIfBoundFailed(thrown);
        assertThat(thrown).as("what runAll threw when task 0 failed").isInstanceOf(TaskFailedException.class);
        assertThat(((TaskFailedException) thrown).index()).as("TaskFailedException.index()").isZero();
        assertThat(aliveWhenThrown.get())
                .as("the threads still running when runAll threw (task 1 was still busy): runAll must wait for"
                        + " every thread to finish before it throws")
                .isEmpty();
    }

    // ---------------------------------------------------------------- runAll: no thread left behind

    @Test
    @Points(1)
    @Hint("join() every thread you started before runAll returns.")
    void runAllLeavesNoThreadAliveWhenItReturns() throws Exception {
        TaskThreads recorded = taskThreads(4);
        List<Callable<Integer>> tasks = recorded.tasks();
        ThreadSnapshot before = threadSnapshot();
        List<String> aliveAfter = CALL.call("Workers.runAll(4 tasks)", () -> {
            Workers.runAll(tasks);
            List<String> alive = recorded.alive();
            before.ignoring(t -> t == Thread.currentThread()).assertNoNewThreadAlive("Workers.runAll");
            return alive;
        });
        assertThat(aliveAfter)
                .as("the task threads still alive when runAll returned: join every thread before returning")
                .isEmpty();
    }

    @Test
    @Points(3)
    @Hint("If join() throws InterruptedException, interrupt the threads you started, wait for them to end, and"
            + " then throw the InterruptedException on: never swallow it.")
    void runAllInterruptedInterruptsItsThreadsAndThrowsInterruptedException() throws Exception {
        try (WaitingTasks tasks = waitingTasks(4, TASK_PATIENCE)) {
            AtomicReference<List<String>> aliveWhenThrown = new AtomicReference<>();
            ThreadSnapshot before = threadSnapshot();
            Helper<List<Integer>> call = startCalling("Workers.runAll(4 waiting tasks) interrupted", () -> {
                try {
                    return Workers.runAll(tasks.tasks());
                } finally {
                    aliveWhenThrown.set(namesOf(before.ignoring(t -> t == Thread.currentThread()).newThreadsAlive()));
                }
            });
            tasks.assertInterruptingTheCallerStopsEveryTask("runAll", call, aliveWhenThrown::get);
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

    private static Thread awaitSet(AtomicReference<Thread> reference) throws InterruptedException {
        long deadline = System.nanoTime() + scaled(TASK_PATIENCE).toNanos();
        while (reference.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return reference.get();
    }

    private static List<String> namesOf(List<Thread> threads) {
        return threads.stream().map(t -> "\"" + t.getName() + "\" (" + t.getState() + ")").toList();
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

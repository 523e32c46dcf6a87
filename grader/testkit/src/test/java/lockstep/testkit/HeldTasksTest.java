package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HeldTasksTest {

    private static final String ADVICE = "Join every thread.";

    @RepeatedTest(3)
    void aCallThatJoinsEveryThreadPassesWhateverTheOrder() throws Exception {
        for (int[] order : new int[][] {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}}) {
            try (HeldTasks held = Lockstep.heldTasks(4)) {
                List<Callable<Integer>> tasks = held.tasks(task -> task * 10);
                Helper<List<Integer>> call = Lockstep.startCalling("run all", () -> runAll(tasks, tasks.size()));
                held.finishInOrder("runAll", call, ADVICE, order);
                assertThat(call.join(Duration.ofSeconds(5))).containsExactly(0, 10, 20, 30);
                assertThat(held.threadsAlive()).isEmpty();
            }
        }
    }

    @RepeatedTest(3)
    void aCallThatJoinsOnlyTheFirstThreadFailsNamingTheTasksStillHeld() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(4)) {
            List<Callable<Integer>> tasks = held.tasks();
            Helper<List<Integer>> call = Lockstep.startCalling("run all", () -> runAll(tasks, 1));
            assertThatThrownBy(() -> held.finishInOrder("runAll", call, ADVICE, 0, 1, 2, 3))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("runAll returned [0, null, null, null] while the test still held tasks 1,"
                            + " 2 and 3, which had not finished")
                    .hasMessageContaining("in the order 0, 1, 2, 3), and runAll ended once task 0 had finished")
                    .hasMessageEndingWith(ADVICE);
        }
    }

    @RepeatedTest(3)
    void whatTheCallReturnedIsShownAsItWasThenNotOnceTheHeldTasksWereLetGo() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(4)) {
            List<Callable<Integer>> tasks = held.tasks();
            // A live view of the results, which the threads not joined fill in as soon as their tasks are let go;
            // its toString waits (bounded) for them, so that text made after they were let go shows them all.
            Helper<List<Integer>> call = Lockstep.startCalling("run all", () -> liveRunAll(tasks));
            assertThatThrownBy(() -> held.finishInOrder("runAll", call, ADVICE, 0, 1, 2, 3))
                    .hasMessageStartingWith("runAll returned [0, null, null, null] while the test still held tasks 1,"
                            + " 2 and 3, which had not finished");
        }
    }

    @Test
    void aCallThatMissesTheLastThreadFailsOnceTheOthersFinished() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(3)) {
            List<Callable<Integer>> tasks = held.tasks();
            Helper<List<Integer>> call = Lockstep.startCalling("run all", () -> runAll(tasks, 2));
            assertThatThrownBy(() -> held.finishInOrder("runAll", call, ADVICE, 0, 1, 2))
                    .hasMessageContaining("while the test still held task 2, which had not finished")
                    .hasMessageContaining("ended once tasks 0 and 1 had finished");
        }
    }

    @Test
    void tasksRunOneAfterAnotherOnTheCallersThreadAreReleasedEarlyInsteadOfWaitedFor() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(3)) {
            List<Callable<Integer>> tasks = held.tasks();
            Helper<List<Integer>> call = Lockstep.startCalling("run all", () -> {
                List<Integer> results = new ArrayList<>();
                for (Callable<Integer> task : tasks) {
                    results.add(task.call());
                }
                return results;
            });
            long start = System.nanoTime();
            held.finishInOrder("runAll", call, ADVICE, 2, 1, 0);
            assertThat(call.join(Duration.ofSeconds(5))).containsExactly(0, 1, 2);
            // Two steps of at most a steady wait each, far from the 6 s a held task would wait.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Lockstep.scaled(Duration.ofSeconds(3)));
        }
    }

    @Test
    void anInterruptWhileHeldIsRecordedAndTheTaskStillWaitsForItsRelease() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(2)) {
            List<Callable<Boolean>> tasks = held.tasks(task -> Thread.currentThread().isInterrupted());
            Helper<Boolean> first = Lockstep.startCalling("task 0", tasks.get(0));
            Lockstep.await("task 0 held", Duration.ofSeconds(5)).until(() -> first.thread().getState() == Thread.State.TIMED_WAITING);
            first.thread().interrupt();
            Lockstep.await("the interrupt recorded", Duration.ofSeconds(5)).until(() -> held.interruptedWhileHeld(0));
            assertThat(first.isFinished()).as("task 0 still held after the interrupt").isFalse();
            held.close();
            assertThat(first.join(Duration.ofSeconds(5))).as("the interrupt flag in task 0's body").isTrue();
            assertThat(held.interruptedWhileHeld(1)).isFalse();
        }
    }

    @Test
    void aCallThatThrowsBeforeRunningAnyTaskHasItsOwnExceptionPassedOn() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(2)) {
            UnsupportedOperationException todo = new UnsupportedOperationException("TODO: start a thread per task");
            Helper<Void> call = Lockstep.startRunning("run all", () -> {
                throw todo;
            });
            assertThatThrownBy(() -> held.finishInOrder("runAll", call, ADVICE, 0, 1)).isSameAs(todo);
        }
    }

    @Test
    void aCallThatThrowsWhileATaskIsHeldFailsWithWhatItThrewAsTheCause() throws Exception {
        try (HeldTasks held = Lockstep.heldTasks(2)) {
            List<Callable<Integer>> tasks = held.tasks();
            IllegalStateException early = new IllegalStateException("task 0 failed");
            Helper<List<Integer>> call = Lockstep.startCalling("run all", () -> {
                runAll(tasks, 1);
                throw early;
            });
            assertThatThrownBy(() -> held.finishInOrder("runAll", call, ADVICE, 0, 1))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("runAll threw IllegalStateException (task 0 failed) while the test still held"
                            + " task 1")
                    .hasCause(early);
        }
    }

    @Test
    void theOrderMustNameEveryTaskOnce() {
        HeldTasks held = Lockstep.heldTasks(3);
        Helper<Void> idle = Lockstep.startRunning("idle", () -> { });
        assertThatThrownBy(() -> held.finishInOrder("runAll", idle, ADVICE, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> held.finishInOrder("runAll", idle, ADVICE, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Starts a thread per task, joins the first {@code joined} of them, and returns the results slots. */
    /** Joins only the first thread and returns a live view of the results. */
    private static List<Integer> liveRunAll(List<Callable<Integer>> tasks) throws InterruptedException {
        Integer[] results = new Integer[tasks.size()];
        java.util.concurrent.CountDownLatch filled = new java.util.concurrent.CountDownLatch(tasks.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    results[index] = tasks.get(index).call();
                    filled.countDown();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        threads.get(0).join();
        return new java.util.AbstractList<>() {
            @Override
            public Integer get(int i) {
                return results[i];
            }

            @Override
            public int size() {
                return results.length;
            }

            @Override
            public String toString() {
                try {
                    filled.await(500, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.toString();
            }
        };
    }

    private static List<Integer> runAll(List<Callable<Integer>> tasks, int joined) throws InterruptedException {
        Integer[] results = new Integer[tasks.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    results[index] = tasks.get(index).call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (int i = 0; i < joined; i++) {
            threads.get(i).join();
        }
        return java.util.Arrays.asList(results.clone());
    }
}

package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class TaskThreadsTest {

    @Test
    void tasksRunOnTheCallersThreadOrOnAPoolAreNamed() throws Exception {
        TaskThreads recorded = Lockstep.taskThreads(3);
        List<Callable<Integer>> tasks = recorded.tasks();
        tasks.get(0).call();

        assertThatThrownBy(() -> recorded.ranOn(0, "runAll", Thread.currentThread()))
                .hasMessageContaining("it ran on the thread that called runAll itself");
        assertThatThrownBy(() -> recorded.ranOn(1, "runAll", Thread.currentThread()))
                .hasMessageContaining("[the thread task 1 ran on] it never ran, not even 2000 ms after runAll had ended");

        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            for (Callable<Integer> task : tasks) {
                one.submit(task).get();
            }
        } finally {
            one.shutdown();
        }
        assertThat(recorded.ranOn(2, "runAll", Thread.currentThread())).isNotSameAs(Thread.currentThread());
        assertThatThrownBy(recorded::assertOneThreadPerTask)
                .hasMessageContaining("each task must have a thread of its own] expected 3 threads but the tasks ran on 1");
    }

    @Test
    void aBodyRunsAfterTheThreadIsRecordedAndAliveThreadsAreListed() throws Exception {
        TaskThreads recorded = Lockstep.taskThreads(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Callable<Integer>> tasks = recorded.tasks(task -> {
            release.await();
            return task * 10;
        });
        Helper<Integer> first = Lockstep.startCalling("task 0", tasks.get(0));
        Helper<Integer> second = Lockstep.startCalling("task 1", tasks.get(1));
        // Wait for the very state asserted (both parked in await), not for a proxy such as
        // "both recorded": a recorded thread may still be on its way to await() on a busy machine.
        List<String> bothParked = List.of("task 0 (WAITING)", "task 1 (WAITING)");
        Lockstep.await("both tasks parked in await()", Duration.ofSeconds(10))
                .until(recorded::alive, alive -> alive.equals(bothParked));

        assertThat(recorded.alive()).containsExactlyElementsOf(bothParked);
        release.countDown();
        assertThat(first.join(Duration.ofSeconds(5))).isZero();
        assertThat(second.join(Duration.ofSeconds(5))).isEqualTo(10);
        recorded.assertOneThreadPerTask();
    }

    @Test
    void aThreadOnItsWayOutAfterItsTaskReturnedIsNotListedButOneThatStaysIs() throws Exception {
        TaskThreads recorded = Lockstep.taskThreads(2);
        List<Callable<Integer>> tasks = recorded.tasks();
        CountDownLatch bothReturned = new CountDownLatch(2);
        CountDownLatch stayUntil = new CountDownLatch(1);
        // Task 0's thread ends 100 ms after its task returned (an executor's bookkeeping); task 1's stays.
        Thread leaving = new Thread(() -> afterTheTask(tasks.get(0), bothReturned, () -> Thread.sleep(100)));
        Thread staying = new Thread(() -> afterTheTask(tasks.get(1), bothReturned, stayUntil::await));
        leaving.start();
        staying.start();
        try {
            bothReturned.await();

            assertThat(recorded.alive()).containsExactly("task 1 (WAITING) after its task had returned");
            assertThat(leaving.isAlive()).isFalse();
        } finally {
            stayUntil.countDown();
            staying.join(10_000);
        }
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    private static void afterTheTask(Callable<Integer> task, CountDownLatch returned, Wait then) {
        try {
            task.call();
            returned.countDown();
            then.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTaskThatRunsOnlyAfterTheCallEndedIsWaitedFor() throws Exception {
        TaskThreads recorded = Lockstep.taskThreads(1);
        Callable<Integer> task = recorded.tasks().get(0);
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(300);
                task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.setDaemon(true);
        late.start();
        assertThat(recorded.ranOn(0, "runAll", Thread.currentThread())).isSameAs(late);
        recorded.assertOneThreadPerTask();
    }
}

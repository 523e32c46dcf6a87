package lockstep.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tasks that the test lets finish one at a time, in an order it chooses, checking after each one
 * that the call running them has not returned: the proof that a call which runs tasks on threads
 * (spawn-join's {@code runAll}, join-all's {@code joinAll}) waits for every one of them, with no
 * race for a bug to win or lose.
 *
 * <p>Each task records its thread, says it started, and waits until the test releases it (at most
 * the patience, scaled); then it runs its body. {@link #finishInOrder} releases the tasks in the
 * order given. After releasing each task but the last, it waits until that task's body has
 * returned and its thread has ended, and then until the thread that made the call has been
 * waiting without a break for a while (it is blocked on a task the test still holds). A call that
 * returns or throws while the test still holds a task has surely not waited for that task, however
 * the threads were scheduled: the test fails, naming the tasks it still held. Tasks that ended at
 * once would leave that to chance (threads that were not waited for are usually gone before anyone
 * looks), which is why the test holds them.
 *
 * <p>A task that has not started when its turn comes (the call runs them one after another, or on
 * its own thread) is released early and the next one is taken; whatever order the code under test
 * starts them in, it never waits for a task the test holds back for ever. An interrupt that reaches
 * a held task is recorded ({@link #interruptedWhileHeld(int)}); the task goes on waiting for its
 * release and runs its body with its interrupt flag set. Closing releases every task.
 *
 * <pre>{@code
 * try (HeldTasks held = heldTasks(4)) {
 *     List<Callable<Integer>> tasks = held.tasks();
 *     Helper<List<Integer>> call = startCalling("Workers.runAll(4 tasks)", () -> Workers.runAll(tasks));
 *     held.finishInOrder("runAll", call, "Wait for (join) every thread you start.", 0, 1, 2, 3);
 *     List<Integer> results = call.join(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class HeldTasks implements AutoCloseable {

    /** What a task does once the test released it; gets the task's index. */
    @FunctionalInterface
    public interface Body<T> {
        T run(int task) throws Exception;
    }

    /**
     * How long the calling thread must have been waiting without a break, before the slack
     * factor, to count as blocked on a held task: a call that could return returns within it.
     */
    static final Duration STEADY = Duration.ofMillis(100);

    /** The longest one step waits for a task to start, end, or for the caller to block, before the slack factor. */
    static final Duration STEP = Duration.ofSeconds(1);

    /** How long a thread that outlives its task must wait without a break to count as idle, before the slack factor. */
    static final Duration IDLE = Duration.ofMillis(20);

    /** The longest a released task's body and thread may take to end, before the slack factor. */
    static final Duration END = Duration.ofSeconds(3);

    private final int count;
    private final Duration patience;
    private final CountDownLatch[] released;
    private final CountDownLatch[] started;
    private final CountDownLatch[] finished;
    private final AtomicLongArray interruptedAt;
    private final TaskThreads threads;

    HeldTasks(int count, Duration patience) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        this.count = count;
        this.patience = Objects.requireNonNull(patience, "patience must not be null");
        this.released = latches(count);
        this.started = latches(count);
        this.finished = latches(count);
        this.interruptedAt = new AtomicLongArray(count);
        this.threads = new TaskThreads(count);
    }

    private static CountDownLatch[] latches(int count) {
        CountDownLatch[] latches = new CountDownLatch[count];
        for (int i = 0; i < count; i++) {
            latches[i] = new CountDownLatch(1);
        }
        return latches;
    }

    /** Task {@code i} waits until the test releases it, then returns {@code i}. */
    public List<Callable<Integer>> tasks() {
        return tasks(task -> task);
    }

    /** Task {@code i} waits until the test releases it, then runs {@code body} with {@code i}. */
    public <T> List<Callable<T>> tasks(Body<? extends T> body) {
        Objects.requireNonNull(body, "body must not be null");
        List<Callable<T>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int task = i;
            tasks.add(() -> {
                threads.record(task);
                try {
                    hold(task);
                    return body.run(task);
                } finally {
                    threads.returned(task);
                    finished[task].countDown();
                }
            });
        }
        return tasks;
    }

    private void hold(int task) {
        started[task].countDown();
        long deadline = System.nanoTime() + Lockstep.scaled(patience).toNanos();
        boolean wasInterrupted = false;
        while (true) {
            try {
                released[task].await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                if (!wasInterrupted) {
                    interruptedAt.set(task, System.nanoTime());
                }
                wasInterrupted = true;
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Releases the tasks one at a time in {@code order} and fails as soon as the call returned or
     * threw while the test still held a task. Returns once the last task is released: join the
     * call then.
     *
     * @param call the call in the learner's words, e.g. {@code "runAll"}
     * @param caller the helper thread that makes the call with {@link #tasks()}
     * @param advice what to do about it, in the exercise's own terms; ends the failure message
     * @param order every task index once, in the order the tasks are to finish
     * @throws AssertionError when the call returned or threw while a task was still held, with what it threw as
     *     cause (so that a template's "TODO" is reported as not implemented yet)
     * @throws Exception exactly what the call threw when it threw before any task had even started: that is
     *     another test's business than waiting
     */
    public void finishInOrder(String call, Helper<?> caller, String advice, int... order) throws Exception {
        Objects.requireNonNull(call, "call must not be null");
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(advice, "advice must not be null");
        checkCount(order);
        checkPermutation(order);
        boolean callerWaits = true;
        for (int k = 0; k < order.length; k++) {
            int task = order[k];
            released[task].countDown();
            if (k == order.length - 1) {
                return;
            }
            if (awaitStarted(task, caller)) {
                awaitFinished(task, caller);
            }
            // The call may return only once no task is held any more: it must now be blocked on one.
            if (callerWaits) {
                callerWaits = States.waitSteadily(caller.thread(), Lockstep.scaled(STEADY), Lockstep.scaled(STEP));
            }
            if (caller.isFinished()) {
                try {
                    // Described before the held tasks are let go: what the call returned is shown as it was then.
                    throw endedEarly(call, caller, advice, order, k);
                } finally {
                    close();
                }
            }
        }
    }

    private static void checkPermutation(int[] order) {
        Objects.requireNonNull(order, "order must not be null");
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i) {
                throw new IllegalArgumentException("order must name every task once: " + Arrays.toString(order));
            }
        }
    }

    private void checkCount(int[] order) {
        if (order.length != count) {
            throw new IllegalArgumentException("order must name all " + count + " tasks: " + Arrays.toString(order));
        }
    }

    /** Whether the task started; false when the caller finished or blocked elsewhere first. */
    private boolean awaitStarted(int task, Helper<?> caller) throws InterruptedException {
        long deadline = System.nanoTime() + Lockstep.scaled(STEP).toNanos();
        long steady = Lockstep.scaled(STEADY).toNanos();
        long waitingSince = -1;
        while (started[task].getCount() > 0) {
            long now = System.nanoTime();
            if (caller.isFinished() || now - deadline >= 0) {
                return started[task].getCount() == 0;
            }
            if (States.isWaiting(caller.thread().getState())) {
                if (waitingSince < 0) {
                    waitingSince = now;
                } else if (now - waitingSince >= steady) {
                    return started[task].getCount() == 0; // blocked on another task: this one starts later
                }
            } else {
                waitingSince = -1;
            }
            started[task].await(2, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /**
     * Waits until the released task's body returned and its thread ended, or, when the thread lives on (a pool
     * thread, which then waits for its next task), has been waiting without a break for a moment.
     */
    private void awaitFinished(int task, Helper<?> caller) throws InterruptedException {
        long deadline = System.nanoTime() + Lockstep.scaled(END).toNanos();
        finished[task].await(Lockstep.scaled(END).toNanos(), TimeUnit.NANOSECONDS);
        Thread thread = threads.recorded(task);
        if (thread == null || thread == caller.thread() || thread == Thread.currentThread()) {
            return;
        }
        long idle = Lockstep.scaled(IDLE).toNanos();
        long waitingSince = -1;
        while (thread.isAlive() && System.nanoTime() - deadline < 0) {
            long now = System.nanoTime();
            if (States.isWaiting(thread.getState())) {
                if (waitingSince < 0) {
                    waitingSince = now;
                } else if (now - waitingSince >= idle) {
                    return;
                }
            } else {
                waitingSince = -1;
            }
            thread.join(Duration.ofMillis(1));
        }
    }

    private AssertionError endedEarly(String call, Helper<?> caller, String advice, int[] order, int k)
            throws Exception {
        Object value = null;
        Throwable thrown = null;
        try {
            value = caller.join(Duration.ofSeconds(1));
        } catch (Exception | Error e) {
            thrown = e;
        }
        boolean anyStarted = Arrays.stream(started).anyMatch(latch -> latch.getCount() == 0);
        if (thrown instanceof Exception e && !anyStarted) {
            throw e;
        }
        String how;
        if (thrown != null) {
            how = "threw " + thrown.getClass().getSimpleName()
                    + (thrown.getMessage() == null ? "" : " (" + thrown.getMessage() + ")");
        } else {
            String shown = String.valueOf(value);
            how = "returned" + (value == null ? "" : " " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown));
        }
        if (!anyStarted) {
            return new AssertionError(call + " " + how + " before any of its " + count + " tasks had started: it must"
                    + " run every task and wait for it. " + advice, thrown);
        }
        List<Integer> held = IntStream.range(k + 1, order.length).mapToObj(i -> order[i]).sorted().toList();
        List<Integer> done = IntStream.rangeClosed(0, k).mapToObj(i -> order[i]).toList();
        return new AssertionError(call + " " + how + " while the test still held " + tasksNamed(held)
                + ", which had not finished: the test lets the tasks finish one at a time (in the order "
                + Arrays.stream(order).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + "), and " + call
                + " ended once " + tasksNamed(done) + " had finished, without waiting for the others. " + advice,
                thrown);
    }

    /** "task 3", "tasks 1 and 2", "tasks 1, 2 and 3". */
    private static String tasksNamed(List<Integer> tasks) {
        if (tasks.size() == 1) {
            return "task " + tasks.get(0);
        }
        String all = tasks.subList(0, tasks.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "tasks " + all + " and " + tasks.get(tasks.size() - 1);
    }

    /** Whether task {@code task} was interrupted while the test held it. */
    public boolean interruptedWhileHeld(int task) {
        return interruptedAt(task).isPresent();
    }

    /** When ({@link System#nanoTime()}) task {@code task} was first interrupted while the test held it, if it was. */
    public OptionalLong interruptedAt(int task) {
        Objects.checkIndex(task, count);
        long at = interruptedAt.get(task);
        return at == 0 ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The threads the tasks ran on, to check where they ran. */
    public TaskThreads threads() {
        return threads;
    }

    /** The task threads still alive, as "task 2 (WAITING)"; the calling thread left out. */
    public List<String> threadsAlive() {
        return threads.alive();
    }

    /** Releases every task that is still held. */
    @Override
    public void close() {
        for (CountDownLatch latch : released) {
            latch.countDown();
        }
    }
}

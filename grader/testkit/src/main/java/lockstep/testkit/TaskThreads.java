package lockstep.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Records the thread each of a call's tasks ran on: which threads ran them (their own? virtual?
 * the caller's?) and which of them are still alive when the call ended.
 *
 * <pre>{@code
 * TaskThreads recorded = taskThreads(6);
 * Workers.runAll(recorded.tasks());
 * for (int i = 0; i < 6; i++) {
 *     Thread thread = recorded.ranOn(i, "runAll", caller);
 *     ...
 * }
 * recorded.assertOneThreadPerTask();
 * }</pre>
 */
public final class TaskThreads {
    /** What a task does once its thread is recorded; gets the task's index. */
    @FunctionalInterface
    public interface Body {
        Integer run(int task) throws Exception;
    }

    /** How long tasks that had not run when the call ended may take to run, in all, before the slack factor. */
    private static final Duration LATE_RUN = Duration.ofSeconds(2);

    /**
     * How long a thread whose task has already returned may take to end, in all, before the slack
     * factor: an executor may count a task done just before its thread ends.
     */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(1);

    private final AtomicReferenceArray<Thread> ranOn;

    /** 1 once task i's call() has returned or thrown. */
    private final AtomicIntegerArray returned;

    /** When the wait for tasks that run late ends (System.nanoTime), shared by every check; 0 until one waits. */
    private volatile long lateDeadline;

    TaskThreads(int count) {
        this.ranOn = new AtomicReferenceArray<>(count);
        this.returned = new AtomicIntegerArray(count);
    }

    /** Task {@code i} records its thread and returns {@code i}. */
    public List<Callable<Integer>> tasks() {
        return tasks(task -> task);
    }

    /** Task {@code i} records its thread, then runs {@code body} with {@code i}. */
    public List<Callable<Integer>> tasks(Body body) {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < ranOn.length(); i++) {
            int task = i;
            tasks.add(() -> {
                record(task);
                try {
                    return body.run(task);
                } finally {
                    returned(task);
                }
            });
        }
        return tasks;
    }

    /** Records that task {@code task} runs on the calling thread. */
    void record(int task) {
        ranOn.set(task, Thread.currentThread());
    }

    /** Records that task {@code task}'s call() returns or throws now. */
    void returned(int task) {
        returned.set(task, 1);
    }

    /** The thread task {@code task} ran on, or null while it has not run. */
    Thread recorded(int task) {
        return ranOn.get(task);
    }

    /**
     * The thread task {@code task} ran on, checked to exist and not to be {@code caller}'s.
     *
     * <p>Where a task ran does not depend on when: a task that had not run yet when the call ended
     * (because the call did not wait for its thread, which other checks judge) is waited for, up to
     * 2 s (scaled) in all, so that this check decides the same way however the threads were scheduled.
     *
     * @param call the call in the learner's words, e.g. {@code "runAll"}
     * @param caller the thread that made the call
     */
    public Thread ranOn(int task, String call, Thread caller) {
        Thread thread = awaitRecorded(task);
        if (thread == null) {
            throw new AssertionError("[the thread task " + task + " ran on] it never ran, not even "
                    + Lockstep.scaled(LATE_RUN).toMillis() + " ms after " + call + " had ended: " + call
                    + " must call every task (task.call()) on the thread it starts for it");
        }
        if (thread == caller) {
            throw new AssertionError("[the thread task " + task + " ran on] it ran on the thread that called " + call
                    + " itself: each task needs a thread of its own");
        }
        return thread;
    }

    /** The thread of the task once it ran; null when it did not run before the shared deadline. */
    private Thread awaitRecorded(int task) {
        Thread thread = ranOn.get(task);
        if (thread != null) {
            return thread;
        }
        synchronized (this) {
            if (lateDeadline == 0) {
                lateDeadline = System.nanoTime() + Lockstep.scaled(LATE_RUN).toNanos();
            }
        }
        while ((thread = ranOn.get(task)) == null && System.nanoTime() - lateDeadline < 0) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return thread;
    }

    /**
     * Checks that no two tasks ran on the same thread (a pool reuses its threads); tasks that run late
     * are waited for as in {@link #ranOn(int, String, Thread)}.
     */
    public void assertOneThreadPerTask() {
        Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < ranOn.length(); i++) {
            threads.add(awaitRecorded(i));
        }
        threads.remove(null);
        if (threads.size() != ranOn.length()) {
            throw new AssertionError("[the threads the " + ranOn.length() + " tasks ran on: each task must have a"
                    + " thread of its own] expected " + ranOn.length() + " threads but the tasks ran on "
                    + threads.size());
        }
    }

    /**
     * Waits until every task but {@code task} has run and its thread has ended (threads shared with
     * {@code task}, or with the caller, are not waited for), at most {@code atMost} (scaled) in all:
     * a task that calls this ends last, so whoever waits for its thread finds every other task's
     * outcome stored.
     *
     * @return whether they all ended in time
     */
    public boolean awaitOthersEnded(int task, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + Lockstep.scaled(atMost).toNanos();
        Thread me = Thread.currentThread();
        for (int i = 0; i < ranOn.length(); i++) {
            if (i == task) {
                continue;
            }
            Thread thread;
            while ((thread = ranOn.get(i)) == null) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                Thread.sleep(1);
            }
            if (thread != me) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (thread.isAlive()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The tasks' threads that are still alive, as "task 2 (WAITING)"; the calling thread left out.
     *
     * <p>A thread whose task has already returned is on its way out (an executor may count a task done
     * just before its thread ends, and then a wait for the executor ends too): it is waited for, up to
     * 1 s (scaled) for all such threads, and listed only if it is still alive then, as
     * "task 2 (RUNNABLE) after its task had returned". So the answer does not depend on how the
     * threads were scheduled.
     */
    public List<String> alive() {
        // Decided at the call for every thread still in its task; only then are the others waited for, so
        // that this wait (the caller parked in a join) cannot change what a task still running does.
        String[] listed = new String[ranOn.length()];
        List<Integer> leaving = new ArrayList<>();
        for (int i = 0; i < ranOn.length(); i++) {
            Thread thread = ranOn.get(i);
            if (thread == null || thread == Thread.currentThread()) {
                continue;
            }
            boolean taskReturned = returned.get(i) == 1;
            if (thread.isAlive()) {
                if (taskReturned) {
                    leaving.add(i);
                } else {
                    listed[i] = "task " + i + " (" + thread.getState() + ")";
                }
            }
        }
        long graceEnd = System.nanoTime() + Lockstep.scaled(EXIT_GRACE).toNanos();
        for (int i : leaving) {
            Thread thread = ranOn.get(i);
            awaitEnd(thread, graceEnd);
            if (thread.isAlive()) {
                listed[i] = "task " + i + " (" + thread.getState() + ") after its task had returned";
            }
        }
        List<String> alive = new ArrayList<>();
        for (String entry : listed) {
            if (entry != null) {
                alive.add(entry);
            }
        }
        return alive;
    }

    private static void awaitEnd(Thread thread, long deadline) {
        long left;
        while (thread.isAlive() && (left = deadline - System.nanoTime()) > 0) {
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

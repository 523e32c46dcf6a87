package lockstep.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
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

    private final AtomicReferenceArray<Thread> ranOn;

    TaskThreads(int count) {
        this.ranOn = new AtomicReferenceArray<>(count);
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
                ranOn.set(task, Thread.currentThread());
                return body.run(task);
            });
        }
        return tasks;
    }

    /**
     * The thread task {@code task} ran on, checked to exist and not to be {@code caller}'s.
     *
     * @param call the call in the learner's words, e.g. {@code "runAll"}
     * @param caller the thread that made the call
     */
    public Thread ranOn(int task, String call, Thread caller) {
        Thread thread = ranOn.get(task);
        if (thread == null) {
            throw new AssertionError("[the thread task " + task + " ran on: did it run at all?] it never ran");
        }
        if (thread == caller) {
            throw new AssertionError("[the thread task " + task + " ran on] it ran on the thread that called " + call
                    + " itself: each task needs a thread of its own");
        }
        return thread;
    }

    /** Checks that no two tasks ran on the same thread (a pool reuses its threads). */
    public void assertOneThreadPerTask() {
        Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < ranOn.length(); i++) {
            threads.add(ranOn.get(i));
        }
        threads.remove(null);
        if (threads.size() != ranOn.length()) {
            throw new AssertionError("[the threads the " + ranOn.length() + " tasks ran on: each task must have a"
                    + " thread of its own] expected " + ranOn.length() + " threads but the tasks ran on "
                    + threads.size());
        }
    }

    /** The tasks' threads that are still alive, as "task 2 (WAITING)"; the calling thread left out. */
    public List<String> alive() {
        List<String> alive = new ArrayList<>();
        for (int i = 0; i < ranOn.length(); i++) {
            Thread thread = ranOn.get(i);
            if (thread != null && thread != Thread.currentThread() && thread.isAlive()) {
                alive.add("task " + i + " (" + thread.getState() + ")");
            }
        }
        return alive;
    }
}

package ch10.spawn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** Mutant: join keeps waiting after an interrupt. */
public final class Workers {

    private Workers() {
    }

    /** Starts a new platform thread named {@code name} that runs {@code work}; returns it started. */
    public static Thread spawn(String name, Runnable work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        return Thread.ofPlatform().name(name).start(work);
    }

    /**
     * Runs every task on its own new platform thread, all at the same time, waits for all of them,
     * and returns their results in the order of {@code tasks}.
     * If tasks throw, it still waits for every thread to finish, then throws
     * TaskFailedException for the lowest failing index, with what that task threw as cause.
     * No thread it started is alive when it returns or throws. Empty list: empty result.
     */
    public static <T> List<T> runAll(List<? extends Callable<? extends T>> tasks)
            throws TaskFailedException, InterruptedException {
        // List.copyOf rejects a null list and null tasks before any thread starts.
        List<? extends Callable<? extends T>> work = List.copyOf(tasks);
        int n = work.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            // Each thread owns its own slot: the arrays are "moved" in, and join() publishes the writes.
            threads.add(spawn("runAll-task-" + i, () -> {
                try {
                    results[index] = work.get(index).call();
                } catch (Throwable e) {
                    failures[index] = e;
                }
            }));
        }
        joinUninterruptibly(threads);
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                throw new TaskFailedException(i, failures[i]);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return Collections.unmodifiableList(list);
    }

    private static void joinUninterruptibly(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

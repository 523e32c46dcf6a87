package ch10.spawn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** A learner's Workers that spins for ever, ignoring interrupts, when it is given no tasks. */
public final class Workers {
    private Workers() {
    }

    public static Thread spawn(String name, Runnable work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        return Thread.ofPlatform().name(name).start(work);
    }

    public static <T> List<T> runAll(List<? extends Callable<? extends T>> tasks)
            throws TaskFailedException, InterruptedException {
        List<? extends Callable<? extends T>> work = List.copyOf(tasks);
        long spins = 0;
        while (work.isEmpty()) {
            spins++; // waits for tasks that never come, and never looks at its interrupt flag
        }
        List<Object> results = new ArrayList<>();
        Throwable[] failures = new Throwable[work.size()];
        Object[] slots = new Object[work.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            int index = i;
            threads.add(spawn("task-" + i + "-" + spins, () -> {
                try {
                    slots[index] = work.get(index).call();
                } catch (Throwable e) {
                    failures[index] = e;
                }
            }));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException again) {
                        // keep waiting: every thread must end first
                    }
                }
            }
            throw e;
        }
        for (int i = 0; i < work.size(); i++) {
            if (failures[i] != null) {
                throw new TaskFailedException(i, failures[i]);
            }
            results.add(slots[i]);
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) results;
        return typed;
    }
}

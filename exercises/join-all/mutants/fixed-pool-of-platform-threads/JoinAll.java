package ch10.joinall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Mutant: a fixed pool of 8 platform threads runs the tasks, 8 at a time. */
public final class JoinAll {

    private JoinAll() {
    }

    public static <T> List<Outcome<T>> joinAll(List<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        return run(tasks, null);
    }

    public static <T> List<Outcome<T>> joinAll(List<? extends Callable<? extends T>> tasks,
            Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return run(tasks, timeout);
    }

    private static <T> List<Outcome<T>> run(List<? extends Callable<? extends T>> tasks, Duration timeout)
            throws InterruptedException {
        List<? extends Callable<? extends T>> work = List.copyOf(tasks);
        int n = work.size();
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        @SuppressWarnings("unchecked")
        Outcome<T>[] outcomes = new Outcome[n];
        List<Thread> poolThreads = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r);
            poolThreads.add(thread);
            return thread;
        });
        List<Future<?>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                Outcome<T> outcome;
                try {
                    outcome = new Outcome.Success<>(work.get(index).call());
                } catch (Throwable e) {
                    outcome = new Outcome.Failure<>(e);
                }
                outcomes[index] = outcome;
            }));
        }
        boolean[] late = new boolean[n];
        try {
            for (int i = 0; i < n; i++) {
                Future<?> future = futures.get(i);
                try {
                    if (timeout == null) {
                        future.get();
                    } else {
                        long left = deadline - System.nanoTime();
                        future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                    }
                } catch (TimeoutException e) {
                    late[i] = true;
                } catch (ExecutionException e) {
                    // the slot holds the outcome
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            awaitTerminationUninterruptibly(pool, poolThreads);
            throw e;
        }
        pool.shutdownNow();
        if (awaitTerminationUninterruptibly(pool, poolThreads)) {
            throw new InterruptedException("interrupted while waiting for the interrupted tasks to end");
        }
        Outcome<T>[] result = outcomes.clone();
        for (int i = 0; i < n; i++) {
            if (late[i]) {
                result[i] = new Outcome.Failure<>(
                        new TimeoutException("task " + i + " was still running after " + timeout));
            }
        }
        return Collections.unmodifiableList(Arrays.asList(result));
    }

    /** Waits until the pool terminated and every one of its threads ended; returns whether interrupted. */
    private static boolean awaitTerminationUninterruptibly(ExecutorService pool, List<Thread> poolThreads) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread thread : List.copyOf(poolThreads)) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}

package ch10.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Futures composed without blocking: Rust's {@code async fn}, {@code .await} and {@code join!}. */
public final class AsyncTasks {

    private AsyncTasks() {
    }

    /**
     * Returns at once a future that completes with "Result from Task " + id once
     * {@code delay} has passed, with no thread sleeping or blocked meanwhile
     * (10,000 of them at once must not need 10,000 threads).
     */
    public static CompletableFuture<String> performTask(int id, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        // A timer shared by every task completes the future later: nobody sleeps meanwhile.
        Executor later = CompletableFuture.delayedExecutor(nanos(delay), TimeUnit.NANOSECONDS);
        return CompletableFuture.supplyAsync(() -> "Result from Task " + id, later);
    }

    /**
     * Returns at once. Calls steps[0].get() now, and steps[k].get() only after the
     * future of step k-1 completed normally. Completes with all results in order. If a
     * step's future fails, no later step is started and the result fails with that same
     * cause (unwrapped: not a CompletionException around it).
     */
    public static <T> CompletableFuture<List<T>> sequentially(
            List<? extends Supplier<? extends CompletableFuture<? extends T>>> steps) {
        // List.copyOf rejects a null list and null steps before any step is started.
        List<? extends Supplier<? extends CompletableFuture<? extends T>>> work = List.copyOf(steps);
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        startStep(work, 0, new ArrayList<>(work.size()), result);
        return result;
    }

    private static <T> void startStep(List<? extends Supplier<? extends CompletableFuture<? extends T>>> work,
            int index, List<T> results, CompletableFuture<List<T>> result) {
        if (index == work.size()) {
            result.complete(Collections.unmodifiableList(results));
            return;
        }
        CompletableFuture<? extends T> step;
        try {
            step = Objects.requireNonNull(work.get(index).get(), "step " + index + " returned null");
        } catch (Throwable e) {
            result.completeExceptionally(e);
            return;
        }
        // The next step starts only from this callback: after this step's future completed normally.
        step.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                results.add(value);
                startStep(work, index + 1, results, result);
            }
        });
    }

    /**
     * Returns at once. Calls every step's get() now, before returning. Completes with all
     * results in input order once all completed; if any fails, fails with the cause of
     * the first one to fail (unwrapped), as soon as it fails.
     */
    public static <T> CompletableFuture<List<T>> concurrently(
            List<? extends Supplier<? extends CompletableFuture<? extends T>>> steps) {
        List<? extends Supplier<? extends CompletableFuture<? extends T>>> work = List.copyOf(steps);
        int n = work.size();
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        if (n == 0) {
            result.complete(List.of());
            return result;
        }
        Object[] values = new Object[n];
        AtomicInteger pending = new AtomicInteger(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            CompletableFuture<? extends T> step;
            try {
                step = Objects.requireNonNull(work.get(index).get(), "step " + index + " returned null");
            } catch (Throwable e) {
                result.completeExceptionally(e);
                continue;
            }
            step.whenComplete((value, failure) -> {
                if (failure != null) {
                    // Only the first completion of result counts: the first failure in time wins.
                    result.completeExceptionally(unwrap(failure));
                } else {
                    values[index] = value; // its own slot: input order, whatever the completion order
                    if (pending.decrementAndGet() == 0) {
                        @SuppressWarnings("unchecked")
                        List<T> list = (List<T>) Arrays.asList(values);
                        result.complete(Collections.unmodifiableList(list));
                    }
                }
            });
        }
        return result;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static long nanos(Duration delay) {
        try {
            return delay.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}

package ch10.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        throw new UnsupportedOperationException(
                "TODO: check the delay, then let a shared timer complete the future (CompletableFuture.delayedExecutor)");
    }

    /**
     * Returns at once. Calls steps[0].get() now, and steps[k].get() only after the
     * future of step k-1 completed normally. Completes with all results in order. If a
     * step's future fails, no later step is started and the result fails with that same
     * cause (unwrapped: not a CompletionException around it).
     */
    public static <T> CompletableFuture<List<T>> sequentially(
            List<? extends Supplier<? extends CompletableFuture<? extends T>>> steps) {
        throw new UnsupportedOperationException(
                "TODO: start step 0 now and each next step from a callback of the previous step's future");
    }

    /**
     * Returns at once. Calls every step's get() now, before returning. Completes with all
     * results in input order once all completed; if any fails, fails with the cause of
     * the first one to fail (unwrapped), as soon as it fails.
     */
    public static <T> CompletableFuture<List<T>> concurrently(
            List<? extends Supplier<? extends CompletableFuture<? extends T>>> steps) {
        throw new UnsupportedOperationException(
                "TODO: start every step now; a callback on each future fills its slot or fails the result at once");
    }
}

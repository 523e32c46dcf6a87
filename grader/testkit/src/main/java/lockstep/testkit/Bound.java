package lockstep.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A time bound for code that might never finish (a deadlock, a lost wake-up, a join on a thread
 * that never ends), so that the test fails on its own with a diagnosis instead of hanging.
 *
 * <p>Immutable: keep a {@code static final} preset and derive others with {@link #times(double)}.
 * The code runs on a daemon {@link Helper} thread and the limit is stretched by the slack factor;
 * when it runs out, the failure names the deadlocked threads with the locks they hold and want
 * ({@code ThreadMXBean.findDeadlockedThreads}, restricted to threads started by the code), or
 * else shows where the code's threads are still waiting.
 *
 * <pre>{@code
 * static final Bound SHORT = Bound.of(Duration.ofSeconds(2));
 * Guard<String> g = SHORT.call("lock() on a free mutex", mutex::lock);
 * }</pre>
 *
 * @param limit the bound before the slack factor, positive
 * @since 0.1
 */
public record Bound(Duration limit) {

    /** Checks the limit. */
    public Bound {
        Objects.requireNonNull(limit, "limit must not be null");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** A bound of {@code limit} before the slack factor. */
    public static Bound of(Duration limit) {
        return new Bound(limit);
    }

    /** This bound times {@code factor}, for a variant of a preset. */
    public Bound times(double factor) {
        return new Bound(Duration.ofNanos(Math.round(limit.toNanos() * factor)));
    }

    /**
     * Runs {@code body} on a helper thread and returns its result, failing when it takes longer
     * than the bound.
     *
     * @param what what the body does, in the learner's terms: it starts the failure message
     * @param body the code; its thread is not the test's thread
     * @return what the body returned
     * @throws Exception what the body threw, unchanged
     * @throws AssertionError when the body did not finish in time
     */
    public <T> T call(String what, Callable<? extends T> body) throws Exception {
        return Helper.<T>start(what, body).join(limit);
    }

    /**
     * Like {@link #call(String, Callable)}, for code without a result.
     *
     * @throws Exception what the body threw, unchanged
     */
    public void run(String what, Action body) throws Exception {
        Objects.requireNonNull(body, "body must not be null");
        call(what, () -> {
            body.run();
            return null;
        });
    }
}

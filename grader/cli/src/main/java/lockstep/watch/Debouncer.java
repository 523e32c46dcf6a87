package lockstep.watch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes one call of a burst of pokes: the action runs once the pokes have stopped for the quiet
 * period, on a thread of its own. An editor's save is several file events (a temporary file
 * written, renamed over the old one, its folder touched); the learner means one save.
 */
public final class Debouncer implements AutoCloseable {
    private final Duration quiet;
    private final Runnable action;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("lockstep-debounce").unstarted(r));
    private ScheduledFuture<?> pending;

    public Debouncer(Duration quiet, Runnable action) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("quiet must not be negative, not " + quiet);
        }
        this.quiet = quiet;
        this.action = Objects.requireNonNull(action, "action must not be null");
    }

    /** Something happened: the action runs once nothing more happens for the quiet period. */
    public synchronized void poke() {
        if (timer.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(action, quiet.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Drops a pending call; no call after this returns. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
    }
}

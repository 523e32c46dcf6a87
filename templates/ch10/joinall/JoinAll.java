package ch10.joinall;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** One virtual thread per task, all joined: Rust's {@code tokio::spawn} and {@code join_all}. */
public final class JoinAll {

    private JoinAll() {
    }

    /**
     * Starts every task at once, each on its own virtual thread, waits for all, and
     * returns one Outcome per task in input order. A task that throws gives Failure
     * with exactly what it threw; the other tasks are not affected.
     * 10,000 tasks that each sleep 100 ms finish in about 100 ms, not 10,000 x 100 ms.
     */
    public static <T> List<Outcome<T>> joinAll(List<? extends Callable<? extends T>> tasks)
            throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: start one virtual thread per task that stores its Outcome in its own slot, then join them all");
    }

    /**
     * Like joinAll, but waits at most {@code timeout}: every task still running then is
     * interrupted and its slot is Failure(TimeoutException). Returns within timeout plus
     * 100 ms, and no task thread is alive when it returns.
     */
    public static <T> List<Outcome<T>> joinAll(List<? extends Callable<? extends T>> tasks,
            Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: join until one shared deadline, then interrupt the tasks still running and wait for them to end");
    }
}

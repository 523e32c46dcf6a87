package ch10.spawn;

import java.util.List;
import java.util.concurrent.Callable;

/** Threads started by hand and joined: Rust's {@code thread::spawn} and {@code JoinHandle::join}. */
public final class Workers {

    private Workers() {
    }

    /** Starts a new platform thread named {@code name} that runs {@code work}; returns it started. */
    public static Thread spawn(String name, Runnable work) {
        throw new UnsupportedOperationException(
                "TODO: check both arguments for null, then create a platform thread with that name and start it");
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
        throw new UnsupportedOperationException(
                "TODO: start one thread per task that stores its result or failure in its own slot, then join them all");
    }
}

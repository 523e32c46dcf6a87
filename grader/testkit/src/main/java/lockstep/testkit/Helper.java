package lockstep.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A test's own thread that runs one piece of test code, with a bounded join that explains
 * where things are stuck when the code does not finish.
 *
 * <p>The thread is a daemon named {@code lockstep-<name>}, so a learner call that never returns
 * can neither keep the JVM alive nor hide which test it belongs to. Start one with
 * {@link Lockstep#startCalling(String, Callable)} or {@link Lockstep#startRunning(String, Action)}.
 *
 * @param <T> what the code returns
 * @since 0.1
 */
public final class Helper<T> {

    private final String name;
    private final Thread thread;
    private final ThreadSnapshot before;
    private volatile T value;
    private volatile Throwable failure;

    private Helper(String name, Callable<? extends T> body) {
        this.name = name;
        this.before = ThreadSnapshot.take();
        this.thread = new Thread(() -> {
            try {
                value = body.call();
            } catch (Throwable e) {
                failure = e;
            }
        }, "lockstep-" + name);
        thread.setDaemon(true);
    }

    static <T> Helper<T> start(String name, Callable<? extends T> body) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(body, "body must not be null");
        Helper<T> helper = new Helper<>(name, body);
        helper.thread.start();
        return helper;
    }

    /** The thread that runs the code, for example to interrupt it or to check how it waits. */
    public Thread thread() {
        return thread;
    }

    /** Whether the code has returned or thrown. */
    public boolean isFinished() {
        return !thread.isAlive();
    }

    /**
     * Waits for the code to finish and hands back what it returned or threw.
     *
     * @param limit the longest wait, before the slack factor
     * @return what the code returned
     * @throws Exception exactly what the code threw (errors too, unchanged)
     * @throws AssertionError when the code is still running after the scaled limit: it names a
     *     deadlock among the threads started since this helper, or shows where they are stuck
     */
    public T join(Duration limit) throws Exception {
        return join(limit, "");
    }

    /**
     * As {@link #join(Duration)}, for code that something should have ended by now (a wake-up, a
     * close): when it is still running after the scaled limit, the failure says {@code meaning} first,
     * in the exercise's words, then where its threads are.
     *
     * @param meaning what it means that the code is still running, e.g. "close() must wake the waiting receiver"
     */
    public T join(Duration limit, String meaning) throws Exception {
        Objects.requireNonNull(meaning, "meaning must not be null");
        Duration scaled = Lockstep.scaled(limit);
        finishWithin(scaled);
        return outcome(scaled, meaning);
    }

    /**
     * Waits for every helper, all together at most {@code limit} (before the slack factor: the
     * helpers run at once, so each has had that long), and hands back what each returned, in their
     * order. When several fail, which one fails first is a matter of scheduling, so the failure
     * reported never depends on it: every helper gets its wait first, then one whose code threw is
     * reported before one still running (the first in order of each), and those still running are
     * interrupted. The same code thus fails the same way on every run.
     *
     * @throws Exception exactly what the first helper whose code threw threw
     * @throws AssertionError when none threw but one is still running, as {@link #join(Duration)} says it
     */
    public static <T> List<T> joinAll(List<? extends Helper<? extends T>> helpers, Duration limit) throws Exception {
        Objects.requireNonNull(helpers, "helpers must not be null");
        Duration scaled = Lockstep.scaled(limit);
        long deadline = System.nanoTime() + scaled.toNanos();
        for (Helper<? extends T> helper : helpers) {
            helper.finishWithin(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        for (Helper<? extends T> helper : helpers) {
            if (helper.isFinished() && helper.failure != null) {
                interruptRunning(helpers);
                helper.outcome(scaled, ""); // throws what the code threw
            }
        }
        List<T> results = new ArrayList<>();
        for (Helper<? extends T> helper : helpers) {
            results.add(helper.outcome(scaled, ""));
        }
        return results;
    }

    /** Interrupts every helper still running, so that none goes on waiting (or spinning) after its test. */
    static void interruptRunning(List<? extends Helper<?>> helpers) {
        for (Helper<?> helper : helpers) {
            if (!helper.isFinished()) {
                helper.thread().interrupt();
            }
        }
    }

    /**
     * What the code returned or threw, now; when it is still running, the failure of a join that
     * waited {@code waited} for it.
     */
    private T outcome(Duration waited, String meaning) throws Exception {
        if (!isFinished()) {
            List<Thread> suspects = new ArrayList<>();
            suspects.add(thread);
            for (Thread t : before.newThreadsAlive()) {
                if (t != thread) {
                    suspects.add(t);
                }
            }
            AssertionError stuck = ThreadDump.stuck(name, waited, suspects);
            thread.interrupt();
            throw meaning.isEmpty() ? stuck : new AssertionError(meaning + "\n" + stuck.getMessage());
        }
        Throwable thrown = failure;
        if (thrown == null) {
            return value;
        }
        if (thrown instanceof Exception exception) {
            throw exception;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(name + " threw " + thrown, thrown);
    }

    /**
     * Waits for the code to finish, at most {@code limit} exactly (no slack applied).
     *
     * @return whether it finished in time
     */
    boolean finishWithin(Duration limit) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + limit.toNanos();
        while (thread.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    @Override
    public String toString() {
        return "Helper[" + name + (isFinished() ? ", finished]" : ", running]");
    }
}

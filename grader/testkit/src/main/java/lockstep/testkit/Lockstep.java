package lockstep.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.awaitility.constraint.AtMostWaitConstraint;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ExecutorLifecycle;
import org.awaitility.core.InternalExecutorServiceFactory;
import org.awaitility.core.PredicateExceptionIgnorer;
import org.awaitility.pollinterval.FixedPollInterval;

/**
 * The entry point of the testkit, meant for {@code import static lockstep.testkit.Lockstep.*}:
 * bounded waits scaled by the grader's slack factor, proofs that tasks run at the same time,
 * races caught in rounds and windows bounded by time, tasks the test lets finish one at a time (a
 * call that returns before they did surely did not wait for them), deadlock and thread-leak
 * diagnoses, and the check that a waiting thread is parked.
 *
 * <p>Nothing here has global mutable state: every bound is read from the slack factor when it is
 * used, and every object returned is either immutable or single use.
 *
 * <pre>{@code
 * Rendezvous meet = rendezvous(8);
 * ThreadSnapshot before = threadSnapshot();
 * List<Integer> results = within(Duration.ofSeconds(5)).call("Workers.runAll(8 tasks)",
 *         () -> Workers.runAll(tasksThatArriveAt(meet)));
 * meet.assertAllMet();
 * before.assertNoNewThreadAlive("Workers.runAll");
 * }</pre>
 *
 * @since 0.1
 */
public final class Lockstep {

    /** How often Awaitility conditions are polled. */
    private static final Duration POLL = Duration.ofMillis(5);

    /** How long rendezvous and turns wait by default, before the slack factor. */
    private static final Duration MEETING_WAIT = Duration.ofSeconds(3);

    /** How long a held task waits at most for the test to let it finish, before the slack factor. */
    private static final Duration HELD_PATIENCE = Duration.ofSeconds(6);

    private Lockstep() {
    }

    /** The slack factor the grader set ({@code -Dlockstep.slack}, default 1.0). */
    public static Slack slack() {
        return Slack.current();
    }

    /** {@code bound} stretched by the slack factor. */
    public static Duration scaled(Duration bound) {
        return slack().scale(bound);
    }

    /** {@code millis} milliseconds stretched by the slack factor. */
    public static Duration scaledMillis(long millis) {
        return scaled(Duration.ofMillis(millis));
    }

    /**
     * An Awaitility condition with every setting explicit (never Awaitility's global defaults):
     * at most {@code atMost} scaled by the slack factor, polled every 5 ms in the calling thread,
     * no exception ignored, no uncaught-exception handler installed.
     *
     * @param alias what is awaited, in the learner's terms; Awaitility quotes it on a timeout
     * @param atMost the bound before the slack factor
     * @return a condition factory; like all of Awaitility's, its methods return modified copies
     */
    public static ConditionFactory await(String alias, Duration atMost) {
        Objects.requireNonNull(alias, "alias must not be null");
        // The public constructor, not Awaitility.await(): that one starts from mutable static defaults.
        return new ConditionFactory(alias,
                AtMostWaitConstraint.TEN_SECONDS.withMaxWaitTime(scaled(atMost)),
                new FixedPollInterval(POLL),
                Duration.ZERO,
                false,
                new PredicateExceptionIgnorer(e -> false),
                null,
                ExecutorLifecycle.withNormalCleanupBehavior(InternalExecutorServiceFactory::sameThreadExecutorService),
                null);
    }

    /** A bound of {@code limit} (before the slack factor) for code that might never finish. */
    public static Bound within(Duration limit) {
        return Bound.of(limit);
    }

    /**
     * Starts {@code body} on a new daemon helper thread named {@code lockstep-<name>}.
     *
     * @param name what the body does, in the learner's terms
     * @return the helper, to join with a bound
     */
    public static <T> Helper<T> startCalling(String name, Callable<? extends T> body) {
        return Helper.start(name, body);
    }

    /** Like {@link #startCalling(String, Callable)}, for code without a result. */
    public static Helper<Void> startRunning(String name, Action body) {
        Objects.requireNonNull(body, "body must not be null");
        return Helper.start(name, () -> {
            body.run();
            return null;
        });
    }

    /** A rendezvous of {@code parties} tasks that wait up to 3 s (scaled) for each other. */
    public static Rendezvous rendezvous(int parties) {
        return new Rendezvous(parties, MEETING_WAIT);
    }

    /** A rendezvous of {@code parties} tasks that wait up to {@code wait} (scaled) for each other. */
    public static Rendezvous rendezvous(int parties, Duration wait) {
        return new Rendezvous(parties, wait);
    }

    /**
     * Starts {@code threads} helper threads, named {@code lockstep-<name> <i>}, that wait for each
     * other at a start gate and then each run {@code body} while a window of {@code window} (scaled)
     * lasts: contention bounded by time, not by a count, so a slow but correct design is never
     * judged on its speed.
     */
    public static <T> Contention<T> contend(String name, int threads, Duration window,
            Contention.Contender<? extends T> body) {
        return new Contention<>(name, threads, window, body);
    }

    /**
     * Small rounds of a check repeated until one fails, {@code most} passed or {@code budget}
     * (scaled) is spent: evidence of a race that does not make the test a test of speed.
     */
    public static Rounds rounds(int most, Duration budget) {
        return new Rounds(most, budget);
    }

    /** {@code count} turns for hand-ordered completion, waiting up to 3 s (scaled) in all. */
    public static Turns turns(int count) {
        return new Turns(count, MEETING_WAIT);
    }

    /**
     * {@code count} tasks that each wait to be released (at most {@code patience}, scaled), for
     * proving what a call that runs them all does when its caller is interrupted.
     */
    public static WaitingTasks waitingTasks(int count, Duration patience) {
        return new WaitingTasks(count, patience);
    }

    /**
     * {@code count} tasks that each wait until the test lets them finish (at most 6 s, scaled), for
     * proving that a call running them all waits for every one: {@link HeldTasks#finishInOrder}.
     */
    public static HeldTasks heldTasks(int count) {
        return new HeldTasks(count, HELD_PATIENCE);
    }

    /**
     * Tasks that must never run, for proving that a call checks its arguments before it starts a
     * thread; the threads started from now on are watched.
     */
    public static TripwireTasks tripwireTasks() {
        return new TripwireTasks();
    }

    /** {@code count} tasks that record the thread each ran on. */
    public static TaskThreads taskThreads(int count) {
        return new TaskThreads(count);
    }

    /** The platform threads alive now, to find the ones left alive later. */
    public static ThreadSnapshot threadSnapshot() {
        return ThreadSnapshot.take();
    }

    /** A counter of the platform threads started from now on. */
    public static StartedThreads countStartedThreads() {
        return StartedThreads.countFromNow();
    }

    /**
     * Fails unless {@code thread} waits parked rather than spinning, with {@link ParkCheck#DEFAULT}.
     *
     * @param who what the thread is doing, in the learner's terms
     */
    public static void assertParked(Thread thread, String who) {
        ParkCheck.DEFAULT.assertParked(thread, who);
    }

    /**
     * Waits until {@code thread} has been waiting (WAITING, TIMED_WAITING or BLOCKED) without a
     * break for {@code steady}, for example until a caller is surely blocked in a join.
     *
     * @param steady how long it must wait without a break, before the slack factor
     * @param atMost the longest this call waits, before the slack factor
     * @return true once it did; false when {@code atMost} passed first or the thread ended
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static boolean awaitSteadilyWaiting(Thread thread, Duration steady, Duration atMost)
            throws InterruptedException {
        Objects.requireNonNull(thread, "thread must not be null");
        return States.waitSteadily(thread, scaled(steady), scaled(atMost));
    }

    /**
     * Interrupts {@code thread} and waits until its code has taken the interrupt: its interrupt
     * status is clear again because a wait threw {@link InterruptedException} (or the code called
     * {@link Thread#interrupted()}). What the test does next, such as letting the thing the thread
     * waits for happen, then cannot race the interrupt: a wait that ends by itself at the same moment
     * may keep the interrupt as a status only, and code may rightly return normally then.
     *
     * @param atMost the longest this call waits, before the slack factor
     * @return true once the interrupt was taken; false when {@code atMost} passed first (code that
     *     only polls the status keeps it set) or the thread ended
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static boolean interruptAndAwaitTaken(Thread thread, Duration atMost) throws InterruptedException {
        Objects.requireNonNull(thread, "thread must not be null");
        return States.interruptAndAwaitTaken(thread, scaled(atMost));
    }

    /** A JUnit extension that fails tests leaving threads alive; register it with {@code @RegisterExtension}. */
    public static NoThreadLeaks noThreadLeaks() {
        return new NoThreadLeaks();
    }
}

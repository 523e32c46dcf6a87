package lockstep.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Evidence of a race gathered in small rounds: a round is repeated until it fails, a number of
 * rounds passed, or a time budget is spent, so that a check of correctness (no lost update, no money
 * made up) never turns into a check of speed.
 *
 * <p>A race such as a lost update shows only when threads interleave at the wrong moment, which a
 * single short round may miss; a long round catches it, but then a slow and correct design (a fair
 * lock, where every hand-over is a thread switch) is judged on its throughput. Rounds keep each
 * round small, a fixed amount of work whose own bound fits the slowest honest design, and let the
 * budget decide how many there are: a fast design runs many, a slow one a few, and each is judged
 * on whether every round it ran was right. Where the test starts the threads itself, make each
 * round race-prone on its own with a {@link Contention} (threads started together, working for a
 * window of time); where the learner's code starts them, the repetition gathers the evidence.
 *
 * <p>Immutable: keep a {@code static final} preset. The first round always runs; a new round
 * starts only while fewer than {@code most} ran and the budget, counted from the start of
 * {@link #run(Round)} and stretched by the slack factor, is not spent. A round that is running
 * when the budget runs out finishes (its own {@link Bound} limits it), so a test takes at most
 * the budget plus one round.
 *
 * <pre>{@code
 * static final Rounds CALLS = rounds(200, Duration.ofSeconds(2));
 * CALLS.run(round -> assertThat(COUNTING.call("countConcurrently(4, 10000)",
 *         () -> Counter.countConcurrently(4, 10_000))).isEqualTo(40_000));
 * }</pre>
 *
 * @param most the most rounds, at least 1
 * @param budget the time after which no new round starts, before the slack factor, positive
 * @since 0.1
 */
public record Rounds(int most, Duration budget) {

    /** Checks the settings. */
    public Rounds {
        Objects.requireNonNull(budget, "budget must not be null");
        if (most < 1) {
            throw new IllegalArgumentException("most must be at least 1: " + most);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive: " + budget);
        }
    }

    /** One round of a check; it fails by throwing, usually an {@link AssertionError}. */
    @FunctionalInterface
    public interface Round {
        /**
         * Runs round {@code number}.
         *
         * @param number 1 for the first round, then 2, 3, ...
         * @throws Exception what the round threw; an {@link AssertionError} when its check failed
         */
        void run(int number) throws Exception;
    }

    /**
     * Runs rounds until one fails, {@link #most()} passed, or the budget is spent.
     *
     * @return how many rounds ran, every one of them passed
     * @throws AssertionError the failure of the round that failed; after round 1, its message
     *     ends by saying in which round it happened and that the rounds before it went right
     * @throws Exception anything else the failing round threw, unchanged
     */
    public int run(Round round) throws Exception {
        Objects.requireNonNull(round, "round must not be null");
        long end = System.nanoTime() + Lockstep.scaled(budget).toNanos();
        int number = 0;
        do {
            number++;
            try {
                round.run(number);
            } catch (AssertionError failed) {
                throw number == 1 ? failed : inRound(failed, number);
            }
        } while (number < most && System.nanoTime() - end < 0);
        return number;
    }

    /** The failure of round {@code number}, saying that the rounds before it passed. */
    private static AssertionError inRound(AssertionError failed, int number) {
        AssertionError told = new AssertionError(failed.getMessage() + "\nThis happened in round " + number
                + " of a check repeated in identical rounds; the " + ThreadDump.count(number - 1, "round", "rounds")
                + " before it went right. What goes wrong only sometimes depends on how the threads happened to"
                + " interleave: it is a race, not bad luck.", failed);
        told.setStackTrace(failed.getStackTrace());
        return told;
    }
}

package ch10.bank.tests;

import static lockstep.testkit.Lockstep.awaitSteadilyWaiting;
import static lockstep.testkit.Lockstep.contend;
import static lockstep.testkit.Lockstep.rounds;
import static lockstep.testkit.Lockstep.scaled;
import static lockstep.testkit.Lockstep.startCalling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch10.bank.Bank;
import ch10.bank.TransferObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lockstep.testkit.Bound;
import lockstep.testkit.Helper;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.Rounds;
import org.junit.jupiter.api.Test;

class BankTest {

    /** The longest a call that should not wait for anyone may take, before the slack factor. */
    private static final Bound QUICK = Bound.of(Duration.ofSeconds(2));

    /** How long the observer holds a transfer in the middle at most before it lets go on its own. */
    private static final Duration HOLD_PATIENCE = Duration.ofSeconds(6);

    /** How long a thread must wait without a break to count as blocked, and how long to look for that. */
    private static final Duration STEADY = Duration.ofMillis(50);
    private static final Duration STEADY_WITHIN = Duration.ofSeconds(2);

    /** How long a transfer may take once nothing holds it back any more. */
    private static final Duration FINISH = Duration.ofSeconds(3);

    /** How long the threads of the many-threads test transfer at once in one round, before the slack factor. */
    private static final Duration WINDOW = Duration.ofMillis(100);

    /** The most transfers one thread makes in a window, so that a very fast bank cannot run an account dry. */
    private static final int MOST_TRANSFERS = 1_000_000;

    /** How the many-threads test repeats its window: until one loses money, 5 rounds were right, or 1 s is spent. */
    private static final Rounds TRANSFER_ROUNDS = rounds(5, Duration.ofSeconds(1));

    // ---------------------------------------------------------------- one transfer at a time

    @Test
    @Points(1)
    @Hint("transfer takes the amount from one balance and adds it to the other, and calls the observer once in"
            + " between; a balance that is exactly the amount is enough.")
    void transferMovesTheAmountAndCallsTheObserverOnceMidWay() throws Exception {
        Recorder observer = new Recorder();
        Bank bank = new Bank(new long[] {100, 50, 0}, observer);
        QUICK.run("transfer(0, 1, 30), then transfer(1, 2, 80) on a bank of 100, 50, 0", () -> {
            assertThat(bank.transfer(0, 1, 30)).as("transfer(0, 1, 30) from a balance of 100").isTrue();
            assertThat(balances(bank, 3)).as("the balances after transfer(0, 1, 30) on 100, 50, 0")
                    .containsExactly(70L, 80L, 0L);
            assertThat(bank.transfer(1, 2, 80)).as("transfer(1, 2, 80) from a balance of exactly 80").isTrue();
            assertThat(balances(bank, 3)).as("the balances after transfer(1, 2, 80) on 70, 80, 0")
                    .containsExactly(70L, 0L, 80L);
            assertThat(bank.total()).as("total() after the two transfers").isEqualTo(150L);
        });
        assertThat(observer.calls)
                .as("the observer calls (from->to) of transfer(0, 1, 30) and transfer(1, 2, 80): one each, between"
                        + " taking the amount out and putting it in")
                .containsExactly("0->1", "1->2");
    }

    @Test
    @Points(2)
    @Hint("In transfer, take the amount out of from, then call observer.midTransfer(from, to), then put the amount"
            + " into to: the observer looks at the money while it is half way.")
    void theObserverSeesTheAmountGoneFromFromAndNotYetInTo() throws Exception {
        AtomicReference<Bank> banked = new AtomicReference<>();
        AtomicBoolean reading = new AtomicBoolean();
        List<String> seen = new CopyOnWriteArrayList<>();
        // The observer reads both balances on the transferring thread, which holds both locks.
        Bank bank = new Bank(new long[] {100, 50}, (from, to) -> {
            reading.set(true);
            seen.add("account " + from + " held " + banked.get().balance(from) + ", account " + to + " held "
                    + banked.get().balance(to));
            reading.set(false);
        });
        banked.set(bank);
        Helper<Boolean> transfer = startCalling("transfer(0, 1, 30) on 100, 50", () -> bank.transfer(0, 1, 30));
        // A bank whose account locks are not reentrant (allowed: the contract does not ask for reentrancy)
        // cannot be read from inside the observer: its balance() waits for the transferring thread itself.
        // That design is not judged here; every other one has finished by then.
        boolean readable = awaitFinishedOrStuckReading(transfer, reading);
        if (!readable) {
            transfer.thread().interrupt();
            return;
        }
        assertThat(transfer.join(FINISH)).as("transfer(0, 1, 30) from a balance of 100").isTrue();
        assertThat(seen)
                .as("the balances that midTransfer(0, 1) of transfer(0, 1, 30) on 100, 50 read from inside the observer:"
                        + " the 30 must have left account 0 and not yet reached account 1")
                .containsExactly("account 0 held 70, account 1 held 50");
    }

    @Test
    @Points(1)
    @Hint("Check the balance of from before you move anything: when it holds less than the amount, return false"
            + " and leave both balances as they were.")
    void transferThatWouldOverdrawMovesNothingAndReturnsFalse() throws Exception {
        Recorder observer = new Recorder();
        Bank bank = new Bank(new long[] {100, 50}, observer);
        boolean moved = QUICK.call("transfer(0, 1, 101) from a balance of 100", () -> bank.transfer(0, 1, 101));
        assertThat(moved).as("transfer(0, 1, 101) from a balance of 100").isFalse();
        assertThat(QUICK.call("balance(0), balance(1)", () -> balances(bank, 2)))
                .as("the balances after the refused transfer(0, 1, 101) on 100, 50: nothing may move")
                .containsExactly(100L, 50L);
        assertThat(observer.calls)
                .as("the observer calls of a refused transfer: no amount left the account, so there is no middle")
                .isEmpty();
    }

    @Test
    @Points(1)
    @Hint("Check the arguments first: Objects.requireNonNull for the array and the observer, and an"
            + " IllegalArgumentException for a negative opening balance.")
    void constructorRejectsNullsAndNegativeBalances() {
        assertThatThrownBy(() -> new Bank(null), "new Bank(null)").isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Bank(new long[] {1, 2}, null), "new Bank({1, 2}, null): the observer must not be null")
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Bank(new long[] {5, -1}), "new Bank({5, -1}): an opening balance below 0")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(1)
    @Hint("An amount must be more than 0 (IllegalArgumentException otherwise), and an account outside 0..n-1 does"
            + " not exist: throw before you take any lock, and move nothing.")
    void transferRejectsANonPositiveAmountOrAMissingAccount() throws Exception {
        Recorder observer = new Recorder();
        Bank bank = new Bank(new long[] {100, 50}, observer);
        QUICK.run("transfers with a bad amount or account on a bank of 100, 50", () -> {
            assertThatThrownBy(() -> bank.transfer(0, 1, 0), "transfer(0, 1, 0)")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bank.transfer(0, 1, -5), "transfer(0, 1, -5)")
                    .isInstanceOf(IllegalArgumentException.class);
            for (int[] pair : new int[][] {{0, 2}, {-1, 0}, {2, 2}}) {
                Throwable thrown = catchThrowable(() -> bank.transfer(pair[0], pair[1], 10));
                assertThat(thrown)
                        .as("transfer(%d, %d, 10) on a bank of accounts 0 and 1: IllegalArgumentException or"
                                + " IndexOutOfBoundsException expected", pair[0], pair[1])
                        .isInstanceOfAny(IllegalArgumentException.class, IndexOutOfBoundsException.class);
            }
        });
        assertThat(QUICK.call("balance(0), balance(1) after the refused transfers", () -> balances(bank, 2)))
                .as("the balances after refused transfers: nothing may move")
                .containsExactly(100L, 50L);
        assertThat(QUICK.call("transfer(0, 1, 10) after the refused transfers", () -> bank.transfer(0, 1, 10)))
                .as("transfer(0, 1, 10) after the refused ones: a refused transfer must not leave a lock taken")
                .isTrue();
        assertThat(observer.calls).as("the observer calls").containsExactly("0->1");
    }

    @Test
    @Points(2)
    @Hint("from == to is a transfer to the same account: answer whether the balance suffices and change nothing."
            + " Taking 'both' locks there means taking one lock twice, and nothing is half done, so there is no"
            + " observer call.")
    void transferWithinOneAccountChangesNothingAndNeverWaitsForItself() throws Exception {
        Recorder observer = new Recorder();
        Bank bank = new Bank(new long[] {50, 20}, observer);
        boolean enough;
        boolean tooMuch;
        try {
            enough = QUICK.call("transfer(0, 0, 50) with a balance of 50", () -> bank.transfer(0, 0, 50));
            tooMuch = QUICK.call("transfer(0, 0, 51) with a balance of 50", () -> bank.transfer(0, 0, 51));
        } catch (AssertionError stuck) {
            throw new AssertionError("a transfer from an account to itself never returned: taking the lock of"
                    + " 'from' and then the lock of 'to' takes one lock twice, which waits forever unless the"
                    + " lock is reentrant. Handle from == to on its own.\n" + stuck.getMessage(), stuck);
        }
        assertThat(enough).as("transfer(0, 0, 50) with a balance of 50: the balance suffices").isTrue();
        assertThat(tooMuch).as("transfer(0, 0, 51) with a balance of 50: the balance does not suffice").isFalse();
        assertThat(QUICK.call("balance(0), balance(1)", () -> balances(bank, 2)))
                .as("the balances after transfers from account 0 to itself: nothing may change")
                .containsExactly(50L, 20L);
        assertThat(observer.calls)
                .as("the observer calls of transfers from account 0 to itself: no money is ever half way, so the"
                        + " observer must not be called")
                .isEmpty();
    }

    // ---------------------------------------------------------------- locks

    @Test
    @Points(3)
    @Hint("Two transfers in opposite directions (0 to 1 and 1 to 0) that each take the lock of 'from' first can"
            + " each hold the lock the other one needs. Take the two locks in one order every thread agrees on,"
            + " for example the lower account number first.")
    void crossingTransfersNeverDeadlock() throws Exception {
        // transfer(0, 2) is held in the middle, so account 0 is locked. transfer(0, 1) and transfer(1, 0) then
        // queue for account 0, the first one started first in one round and second in the other: a transfer that
        // took the lock of account 1 first, before 0, now waits for 0 while holding 1, and whichever of the two
        // gets account 0 next runs into the other one. Locks taken in one global order never do.
        crossing(true);
        crossing(false);
    }

    private static void crossing(boolean oneToZeroFirst) throws Exception {
        Holder observer = new Holder(0, 2);
        Bank bank = new Bank(new long[] {100, 100, 100}, observer);
        Helper<Boolean> held = startCalling("transfer(0, 2, 10), held in the middle by the observer",
                () -> bank.transfer(0, 2, 10));
        Helper<Boolean> zeroToOne;
        Helper<Boolean> oneToZero;
        try {
            observer.awaitReached();
            String context = " while transfer(0, 2, 10) was held in the middle";
            if (oneToZeroFirst) {
                oneToZero = startCalling("transfer(1, 0, 10)" + context, () -> bank.transfer(1, 0, 10));
                awaitSteadilyWaiting(oneToZero.thread(), STEADY, STEADY_WITHIN);
                zeroToOne = startCalling("transfer(0, 1, 10)" + context, () -> bank.transfer(0, 1, 10));
                awaitSteadilyWaiting(zeroToOne.thread(), STEADY, STEADY_WITHIN);
            } else {
                zeroToOne = startCalling("transfer(0, 1, 10)" + context, () -> bank.transfer(0, 1, 10));
                awaitSteadilyWaiting(zeroToOne.thread(), STEADY, STEADY_WITHIN);
                oneToZero = startCalling("transfer(1, 0, 10)" + context, () -> bank.transfer(1, 0, 10));
                awaitSteadilyWaiting(oneToZero.thread(), STEADY, STEADY_WITHIN);
            }
        } finally {
            observer.release();
        }
        assertThat(held.join(FINISH)).as("transfer(0, 2, 10) from a balance of 100").isTrue();
        Helper<Boolean> first = oneToZeroFirst ? oneToZero : zeroToOne;
        Helper<Boolean> second = oneToZeroFirst ? zeroToOne : oneToZero;
        assertThat(first.join(FINISH)).as("the first crossing transfer, from a balance of at least 90").isTrue();
        assertThat(second.join(FINISH)).as("the second crossing transfer, from a balance of at least 90").isTrue();
        assertThat(QUICK.call("balance(0), balance(1), balance(2)", () -> balances(bank, 3)))
                .as("the balances after transfer(0, 2, 10), transfer(0, 1, 10) and transfer(1, 0, 10) on 100, 100, 100")
                .containsExactly(90L, 100L, 110L);
    }

    @Test
    @Points(2)
    @Hint("Give each account its own lock and take only the two a transfer needs: one lock over the whole bank"
            + " (a synchronized method, one shared lock) makes every transfer wait for every other.")
    void transfersBetweenDisjointPairsRunInParallel() throws Exception {
        Holder observer = new Holder(0, 1);
        Bank bank = new Bank(new long[] {100, 100, 100, 100}, observer);
        Helper<Boolean> held = startCalling("transfer(0, 1, 10), held in the middle by the observer",
                () -> bank.transfer(0, 1, 10));
        try {
            observer.awaitReached();
            boolean moved;
            try {
                moved = QUICK.call("transfer(2, 3, 10) while transfer(0, 1, 10) was held in the middle",
                        () -> bank.transfer(2, 3, 10));
            } catch (AssertionError stuck) {
                throw new AssertionError("transfer(2, 3, 10) waited for transfer(0, 1, 10) to finish, but the two"
                        + " share no account: transfers between different accounts must run in parallel (is there"
                        + " one lock over the whole bank?)\n" + stuck.getMessage(), stuck);
            }
            assertThat(moved).as("transfer(2, 3, 10) from a balance of 100").isTrue();
        } finally {
            observer.release();
        }
        assertThat(held.join(FINISH)).as("transfer(0, 1, 10) from a balance of 100").isTrue();
        assertThat(QUICK.call("the four balances", () -> balances(bank, 4)))
                .as("the balances after transfer(0, 1, 10) and transfer(2, 3, 10) on 100, 100, 100, 100")
                .containsExactly(90L, 110L, 90L, 110L);
    }

    @Test
    @Points(2)
    @Hint("A transfer must hold the locks of BOTH its accounts while it checks and moves the money: another"
            + " transfer touching either account has to wait for it.")
    void aTransferWaitsWhileAnotherTransferHoldsOneOfItsAccounts() throws Exception {
        assertWaitsBehindTransferZeroToOneHeld(2, 1, "held account 1 in the middle: it went ahead, so two transfers"
                + " changed account 1 at the same time (is the lock of 'to' taken?)", 90L, 115L, 95L);
    }

    @Test
    @Points(2)
    @Hint("Hold the locks of both accounts from before the check until after the credit: the observer is called"
            + " in the middle, with both held. A transfer that lets go of 'from' after the debit (to avoid ever"
            + " holding two locks) lets another transfer use 'from' while the amount is in neither account.")
    void aTransferWaitsWhileAnotherTransferHoldsItsFromAccount() throws Exception {
        // The mirror of the test above, on the side of 'from': the observer is called with the locks of both
        // accounts held, so transfer(0, 2, 5) must wait too.
        assertWaitsBehindTransferZeroToOneHeld(0, 2, "was in its observer call: it went ahead, so the lock of account"
                + " 0 was not held in the middle of transfer(0, 1, 10) (is the lock of 'from' let go before the"
                + " observer is called?)", 85L, 110L, 105L);
    }

    /**
     * Holds transfer(0, 1, 10) in its observer call on a bank of 100, 100, 100, then starts transfer(from, to, 5),
     * which shares an account with it: it must be steadily waiting until the release, then go through, leaving
     * {@code expected} as the balances.
     */
    private static void assertWaitsBehindTransferZeroToOneHeld(int from, int to, String otherwise, Long... expected)
            throws Exception {
        Holder observer = new Holder(0, 1);
        Bank bank = new Bank(new long[] {100, 100, 100}, observer);
        Helper<Boolean> held = startCalling("transfer(0, 1, 10), held in the middle by the observer",
                () -> bank.transfer(0, 1, 10));
        String other = "transfer(" + from + ", " + to + ", 5)";
        Helper<Boolean> behind;
        try {
            observer.awaitReached();
            behind = startCalling(other + " while transfer(0, 1, 10) was held in the middle",
                    () -> bank.transfer(from, to, 5));
            boolean waiting = awaitSteadilyWaiting(behind.thread(), STEADY, STEADY_WITHIN);
            assertThat(!behind.isFinished() && waiting)
                    .as("whether %s waited while transfer(0, 1, 10) %s", other, otherwise)
                    .isTrue();
        } finally {
            observer.release();
        }
        assertThat(held.join(FINISH)).as("transfer(0, 1, 10) from a balance of 100").isTrue();
        assertThat(behind.join(FINISH)).as("%s from a balance of 100", other).isTrue();
        assertThat(QUICK.call("balance(0), balance(1), balance(2)", () -> balances(bank, 3)))
                .as("the balances after transfer(0, 1, 10) and %s on 100, 100, 100", other)
                .containsExactly(expected);
    }

    @Test
    @Points(2)
    @Hint("The check 'does from hold enough?' and the move must happen under the same locks: a balance checked"
            + " before the locks are taken can be spent by another transfer before this one moves it.")
    void twoTransfersFromOneAccountNeverOverdrawIt() throws Exception {
        // transfer(2, 0, 1) is held in the middle, so account 0 is locked. Two transfers of 70 from account 0
        // (balance 100) then wait for it: only one of them may go through.
        Holder observer = new Holder(2, 0);
        Bank bank = new Bank(new long[] {100, 0, 100}, observer);
        Helper<Boolean> held = startCalling("transfer(2, 0, 1), held in the middle by the observer",
                () -> bank.transfer(2, 0, 1));
        Helper<Boolean> first;
        Helper<Boolean> second;
        try {
            observer.awaitReached();
            first = startCalling("a first transfer(0, 1, 70)", () -> bank.transfer(0, 1, 70));
            awaitSteadilyWaiting(first.thread(), STEADY, STEADY_WITHIN);
            second = startCalling("a second transfer(0, 1, 70)", () -> bank.transfer(0, 1, 70));
            awaitSteadilyWaiting(second.thread(), STEADY, STEADY_WITHIN);
        } finally {
            observer.release();
        }
        assertThat(held.join(FINISH)).as("transfer(2, 0, 1) from a balance of 100").isTrue();
        boolean firstMoved = first.join(FINISH);
        boolean secondMoved = second.join(FINISH);
        long[] after = QUICK.call("balance(0), balance(1), balance(2)", () -> balances(bank, 3))
                .stream().mapToLong(Long::longValue).toArray();
        assertThat(after[0])
                .as("the balance of account 0 (100, plus 1, then two transfers of 70 out of it, which returned %s"
                        + " and %s): it went below 0, so both checked the balance before either had moved the money",
                        firstMoved, secondMoved)
                .isNotNegative();
        assertThat(List.of(firstMoved, secondMoved))
                .as("what the two transfer(0, 1, 70) from a balance of 101 returned: exactly one may go through")
                .containsExactlyInAnyOrder(true, false);
        assertThat(after).as("the balances after transfer(2, 0, 1) and one transfer(0, 1, 70) on 100, 0, 100")
                .containsExactly(31L, 70L, 99L);
    }

    // ---------------------------------------------------------------- total

    @Test
    @Points(2)
    @Hint("total() must not read a balance while a transfer holds it: take the locks of the accounts (all of"
            + " them, in the same order as transfer) before adding up.")
    void totalNeverCountsATransferHalfDone() throws Exception {
        Holder observer = new Holder(0, 1);
        Bank bank = new Bank(new long[] {100, 50}, observer);
        Helper<Boolean> held = startCalling("transfer(0, 1, 30), held in the middle by the observer",
                () -> bank.transfer(0, 1, 30));
        Helper<Long> total;
        try {
            observer.awaitReached();
            total = startCalling("total() while transfer(0, 1, 30) was held in the middle", bank::total);
            awaitSteadilyWaiting(total.thread(), STEADY, STEADY_WITHIN);
            if (total.isFinished()) {
                assertThat(total.join(FINISH))
                        .as("total() on a bank of 100 and 50 while transfer(0, 1, 30) was half done (the 30 had"
                                + " left account 0 but not reached account 1): it must wait for the transfer, or"
                                + " never see it half done")
                        .isEqualTo(150L);
            }
        } finally {
            observer.release();
        }
        assertThat(held.join(FINISH)).as("transfer(0, 1, 30) from a balance of 100").isTrue();
        assertThat(total.join(FINISH))
                .as("total() on a bank of 100 and 50, called while transfer(0, 1, 30) was half done")
                .isEqualTo(150L);
    }

    @Test
    @Points(2)
    @Hint("total() adds the balances of one instant: hold EVERY account's lock at once until the sum is done."
            + " Locking one account at a time lets a transfer move money from an account already counted to one"
            + " not counted yet.")
    void totalIsTheSumAtOneInstantWhileTransfersRun() throws Exception {
        // transfer(1, 2) is held in the middle. total() starts and waits for account 1; meanwhile transfer(0, 3)
        // runs: a total() that let go of account 0 after reading it counts those 40 twice.
        Holder observer = new Holder(1, 2);
        Bank bank = new Bank(new long[] {100, 50, 0, 0}, observer);
        Helper<Boolean> held = startCalling("transfer(1, 2, 10), held in the middle by the observer",
                () -> bank.transfer(1, 2, 10));
        Helper<Long> total;
        Helper<Boolean> meanwhile;
        try {
            observer.awaitReached();
            total = startCalling("total() while transfer(1, 2, 10) was held in the middle", bank::total);
            awaitSteadilyWaiting(total.thread(), STEADY, STEADY_WITHIN);
            meanwhile = startCalling("transfer(0, 3, 40) while total() was waiting for account 1",
                    () -> bank.transfer(0, 3, 40));
            awaitSteadilyWaiting(meanwhile.thread(), STEADY, STEADY_WITHIN);
        } finally {
            observer.release();
        }
        assertThat(held.join(FINISH)).as("transfer(1, 2, 10) from a balance of 50").isTrue();
        assertThat(meanwhile.join(FINISH)).as("transfer(0, 3, 40) from a balance of 100").isTrue();
        assertThat(total.join(FINISH))
                .as("total() of a bank that always holds 150 in all, called while transfer(1, 2, 10) was held in the"
                        + " middle, with transfer(0, 3, 40) started while total() waited for account 1 (a total()"
                        + " that let go of account 0 after reading it can count those 40 twice, in account 0 and in"
                        + " account 3)")
                .isEqualTo(150L);
        assertThat(QUICK.call("the four balances", () -> balances(bank, 4)))
                .as("the balances after transfer(1, 2, 10) and transfer(0, 3, 40) on 100, 50, 0, 0")
                .containsExactly(60L, 40L, 10L, 40L);
    }

    // ---------------------------------------------------------------- many threads

    @Test
    @Points(2)
    @Hint("Every transfer must move its amount as one step under the locks of both accounts: money read and"
            + " written without them gets lost or doubled when threads transfer at the same time.")
    void manyTransfersAtOnceLoseNoMoney() throws Exception {
        // 4 threads start together and transfer for 100 ms, each adding up what it moved; the balances must
        // match. The work is bounded by time, not by a count: money read and written without the locks gets
        // lost or doubled within the window, and a slow but correct bank (fair locks hand over with a thread
        // switch each time) simply makes fewer transfers. The window is repeated a few times within a budget.
        int threads = 4;
        int accounts = 5;
        long opening = 100_000_000;
        TRANSFER_ROUNDS.run(round -> {
            Bank bank = new Bank(filled(accounts, opening));
            // Each thread moves money between random pairs, the lower account always paying, so that even locks
            // taken in a careless order cannot deadlock here (that is the crossing test's business). At most
            // MOST_TRANSFERS per thread, of at most 9: every transfer goes through.
            long[][] moved = new long[threads][accounts];
            List<Integer> refused = contend("transferring thread", threads, WINDOW, (w, window) -> {
                long[] net = moved[w];
                SplittableRandom random = new SplittableRandom(42 + 100L * round + w);
                int refusals = 0;
                for (int k = 0; k < MOST_TRANSFERS && window.isOpen(); k++) {
                    int from = random.nextInt(accounts - 1);
                    int to = from + 1 + random.nextInt(accounts - 1 - from);
                    long amount = 1 + random.nextInt(9);
                    if (bank.transfer(from, to, amount)) {
                        net[from] -= amount;
                        net[to] += amount;
                    } else {
                        refusals++;
                    }
                }
                return refusals;
            }).join(Duration.ofSeconds(8));
            assertThat(refused)
                    .as("how many transfers of 1 to 9 each thread had refused from balances of at least %d",
                            opening - 9L * threads * MOST_TRANSFERS)
                    .containsOnly(0);
            long[] expected = filled(accounts, opening);
            for (long[] net : moved) {
                for (int a = 0; a < accounts; a++) {
                    expected[a] += net[a];
                }
            }
            List<Long> after = QUICK.call("the balances", () -> balances(bank, accounts));
            assertThat(QUICK.call("total()", bank::total))
                    .as("total() after %d threads, started together, transferred for %d ms between %d accounts of"
                            + " %d: money was lost or made up", threads, WINDOW.toMillis(), accounts, opening)
                    .isEqualTo(accounts * opening);
            assertThat(after)
                    .as("the balances after %d threads, started together, transferred for %d ms (every transfer"
                            + " returned true, so each account should have changed by exactly what moved in and out"
                            + " of it)", threads, WINDOW.toMillis())
                    .containsExactlyElementsOf(java.util.Arrays.stream(expected).boxed().toList());
        });
    }

    // ---------------------------------------------------------------- helpers

    private static List<Long> balances(Bank bank, int accounts) {
        List<Long> result = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            result.add(bank.balance(a));
        }
        return result;
    }

    private static long[] filled(int accounts, long balance) {
        long[] result = new long[accounts];
        java.util.Arrays.fill(result, balance);
        return result;
    }

    /** Records every observer call as "from->to". */
    /**
     * Waits until the transfer finished, or until its thread waits steadily inside a balance() that the
     * observer called (a lock that is not reentrant): false in that case.
     */
    private static boolean awaitFinishedOrStuckReading(Helper<Boolean> transfer, AtomicBoolean reading)
            throws InterruptedException {
        long end = System.nanoTime() + scaled(FINISH).toNanos();
        while (!transfer.isFinished() && System.nanoTime() < end) {
            if (reading.get() && awaitSteadilyWaiting(transfer.thread(), STEADY, STEADY_WITHIN) && reading.get()
                    && !transfer.isFinished()) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static final class Recorder implements TransferObserver {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void midTransfer(int from, int to) {
            calls.add(from + "->" + to);
        }
    }

    /** Holds the transfer from {@code from} to {@code to} in its middle until the test releases it. */
    private static final class Holder implements TransferObserver {
        private final int from;
        private final int to;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        Holder(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void midTransfer(int f, int t) {
            if (f == from && t == to && reached.getCount() > 0) {
                reached.countDown();
                try {
                    released.await(scaled(HOLD_PATIENCE).toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(scaled(Duration.ofSeconds(2)).toMillis(), TimeUnit.MILLISECONDS))
                    .as("whether transfer(%d, %d, ...) reached the observer within 2 s: the observer must be called"
                            + " in the middle of every transfer that moves money", from, to)
                    .isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}

package ch10.bank;

/** Accounts that threads move money between, each account behind a lock of its own. */
public final class Bank {

    /** Accounts 0..n-1 with these opening balances (each >= 0). */
    public Bank(long[] balances) {
        throw new UnsupportedOperationException("TODO: keep a copy of the balances and give each account a lock of its own");
    }

    public Bank(long[] balances, TransferObserver observer) {
        throw new UnsupportedOperationException("TODO: like Bank(balances), and keep the observer for transfer to call");
    }

    /**
     * Moves amount (> 0) atomically; returns false and moves nothing if {@code from}
     * holds less. Never deadlocks, whatever transfers run at once (from == to too: then
     * it returns whether the balance suffices and changes nothing, with no observer call).
     * Transfers between disjoint pairs of accounts run in parallel: there is no lock
     * over the whole bank.
     */
    public boolean transfer(int from, int to, long amount) {
        throw new UnsupportedOperationException(
                "TODO: take both accounts' locks in one fixed order, then check, move and call the observer");
    }

    public long balance(int account) {
        throw new UnsupportedOperationException("TODO: read the account's balance under its lock");
    }

    /** The sum of all balances at one instant: it never includes a transfer half done. */
    public long total() {
        throw new UnsupportedOperationException("TODO: hold every account's lock at once while you add the balances");
    }
}

package ch10.bank;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/** Accounts that threads move money between, each account behind a lock of its own. */
public final class Bank {

    private final long[] balances;
    private final ReentrantLock[] locks;
    private final TransferObserver observer;

    /** Accounts 0..n-1 with these opening balances (each >= 0). */
    public Bank(long[] balances) {
        this(balances, (from, to) -> { });
    }

    public Bank(long[] balances, TransferObserver observer) {
        Objects.requireNonNull(balances, "balances must not be null");
        Objects.requireNonNull(observer, "observer must not be null");
        for (int i = 0; i < balances.length; i++) {
            if (balances[i] < 0) {
                throw new IllegalArgumentException("opening balance of account " + i + " is negative: " + balances[i]);
            }
        }
        this.balances = balances.clone();
        this.locks = new ReentrantLock[balances.length];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        this.observer = observer;
    }

    /**
     * Moves amount (> 0) atomically; returns false and moves nothing if {@code from}
     * holds less. Never deadlocks, whatever transfers run at once (from == to too: then
     * it returns whether the balance suffices and changes nothing, with no observer call).
     * Transfers between disjoint pairs of accounts run in parallel: there is no lock
     * over the whole bank.
     */
    public boolean transfer(int from, int to, long amount) {
        Objects.checkIndex(from, balances.length);
        Objects.checkIndex(to, balances.length);
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (from == to) {
            locks[from].lock();
            try {
                return balances[from] >= amount;
            } finally {
                locks[from].unlock();
            }
        }
        if (balances[from] < amount) {
            return false;
        }
        // Every thread takes the two locks in one global order (the lower account first),
        // so no two transfers can each hold the lock the other one waits for.
        ReentrantLock first = locks[Math.min(from, to)];
        ReentrantLock second = locks[Math.max(from, to)];
        first.lock();
        try {
            second.lock();
            try {
                balances[from] -= amount;
                observer.midTransfer(from, to);
                balances[to] += amount;
                return true;
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    public long balance(int account) {
        Objects.checkIndex(account, balances.length);
        locks[account].lock();
        try {
            return balances[account];
        } finally {
            locks[account].unlock();
        }
    }

    /** The sum of all balances at one instant: it never includes a transfer half done. */
    public long total() {
        // All locks at once, in the same order as transfer takes them.
        int locked = 0;
        try {
            for (; locked < locks.length; locked++) {
                locks[locked].lock();
            }
            long sum = 0;
            for (long balance : balances) {
                sum += balance;
            }
            return sum;
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                locks[i].unlock();
            }
        }
    }
}

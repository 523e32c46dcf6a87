package ch10.bank;

import java.util.Objects;

/** Accounts that threads move money between, all behind the lock of the bank itself. */
public final class Bank {

    private final long[] balances;
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
        this.observer = observer;
    }

    /** One lock for everything: no deadlock, but no two transfers ever run at the same time. */
    public synchronized boolean transfer(int from, int to, long amount) {
        Objects.checkIndex(from, balances.length);
        Objects.checkIndex(to, balances.length);
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (balances[from] < amount) {
            return false;
        }
        if (from == to) {
            return true;
        }
        balances[from] -= amount;
        observer.midTransfer(from, to);
        balances[to] += amount;
        return true;
    }

    public synchronized long balance(int account) {
        return balances[account];
    }

    public synchronized long total() {
        long sum = 0;
        for (long balance : balances) {
            sum += balance;
        }
        return sum;
    }
}

package ch10.bank;

import java.util.Objects;
import java.util.concurrent.Semaphore;

/** Accounts that threads move money between, each behind a semaphore of one permit. */
public final class Bank {

    private final long[] balances;
    private final Semaphore[] locks;
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
        this.locks = new Semaphore[balances.length];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Semaphore(1);
        }
        this.observer = observer;
    }

    /** Both accounts' permits in index order; from == to is not a case of its own, so it takes one permit twice. */
    public boolean transfer(int from, int to, long amount) {
        Objects.checkIndex(from, balances.length);
        Objects.checkIndex(to, balances.length);
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        Semaphore first = locks[Math.min(from, to)];
        Semaphore second = locks[Math.max(from, to)];
        first.acquireUninterruptibly();
        try {
            second.acquireUninterruptibly();
            try {
                if (balances[from] < amount) {
                    return false;
                }
                balances[from] -= amount;
                observer.midTransfer(from, to);
                balances[to] += amount;
                return true;
            } finally {
                second.release();
            }
        } finally {
            first.release();
        }
    }

    public long balance(int account) {
        Objects.checkIndex(account, balances.length);
        locks[account].acquireUninterruptibly();
        try {
            return balances[account];
        } finally {
            locks[account].release();
        }
    }

    public long total() {
        int locked = 0;
        try {
            for (; locked < locks.length; locked++) {
                locks[locked].acquireUninterruptibly();
            }
            long sum = 0;
            for (long balance : balances) {
                sum += balance;
            }
            return sum;
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                locks[i].release();
            }
        }
    }
}

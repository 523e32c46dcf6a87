package ch10.bank;

/** Sees each transfer half done: the tests use it to hold a transfer in the middle. */
@FunctionalInterface
public interface TransferObserver {
    /** Called by transfer while it holds the locks of both accounts, after the amount
        left {@code from} and before it reached {@code to}. */
    void midTransfer(int from, int to);
}

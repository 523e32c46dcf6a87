package ch10.demo;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A one-shot latch on LockSupport: park until released, without burning CPU. */
public final class ParkAndUnpark {
    private volatile boolean released;
    private volatile Thread waiter;

    public void await() throws InterruptedException {
        waiter = Thread.currentThread();
        while (!released) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    public boolean await(long millis) {
        waiter = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!released && System.nanoTime() < deadline) {
            LockSupport.parkNanos(this, deadline - System.nanoTime());
        }
        return released;
    }

    public void release() {
        released = true;
        Thread.onSpinWait();
        LockSupport.unpark(waiter);
    }
}

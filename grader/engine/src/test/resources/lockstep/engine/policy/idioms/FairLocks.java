package ch10.demo;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Fair locks and a fair semaphore, so that no waiting thread starves. */
public final class FairLocks {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock(true);
    private final Semaphore permits = new Semaphore(4, true);
    private int value;

    public void set(int newValue) throws InterruptedException {
        permits.acquire();
        try {
            lock.lockInterruptibly();
            try {
                value = newValue;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        } finally {
            permits.release();
        }
    }

    public int get() {
        readWrite.readLock().lock();
        try {
            return value + (lock.isFair() && readWrite.isFair() ? 0 : 1);
        } finally {
            readWrite.readLock().unlock();
        }
    }
}

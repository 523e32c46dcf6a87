package ch10.demo;

import java.util.concurrent.locks.StampedLock;

/** A point read optimistically, written under the write lock. */
public final class StampedLocks {
    private final StampedLock lock = new StampedLock();
    private double x;
    private double y;

    public void move(double dx, double dy) {
        long stamp = lock.writeLock();
        try {
            x += dx;
            y += dy;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    public double distance() {
        long stamp = lock.tryOptimisticRead();
        double cx = x;
        double cy = y;
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                cx = x;
                cy = y;
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return Math.hypot(cx, cy);
    }
}

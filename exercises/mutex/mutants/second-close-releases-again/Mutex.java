package ch10.mutex;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/** Mutant: a Semaphore(1) whose guard releases on every close(). */
public final class Mutex<T> {

    private final Semaphore permit = new Semaphore(1);
    private volatile Thread owner;
    private T value;

    public Mutex(T initial) {
        this.value = initial;
    }

    public Guard<T> lock() {
        if (owner == Thread.currentThread()) {
            throw new IllegalStateException("this thread already holds this mutex");
        }
        permit.acquireUninterruptibly();
        owner = Thread.currentThread();
        return new Held();
    }

    public Optional<Guard<T>> tryLock() {
        if (owner == Thread.currentThread() || !permit.tryAcquire()) {
            return Optional.empty();
        }
        owner = Thread.currentThread();
        return Optional.of(new Held());
    }

    /** Access to the value while the lock is held. */
    public interface Guard<T> extends AutoCloseable {
        T get();              // IllegalStateException once closed
        void set(T value);    // IllegalStateException once closed
        @Override void close(); // releases the lock; a second close() does nothing
    }

    private final class Held implements Guard<T> {

        private boolean closed;

        @Override
        public T get() {
            checkOpen();
            return value;
        }

        @Override
        public void set(T newValue) {
            checkOpen();
            value = newValue;
        }

        @Override
        public void close() {
            closed = true;
            owner = null;
            permit.release();
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("this guard is closed");
            }
        }
    }
}

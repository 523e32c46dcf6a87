package ch10.mutex;

import java.util.Optional;
import java.util.concurrent.Semaphore;

/** Mutant: a Semaphore(1) that no one asks who holds it. */
public final class Mutex<T> {

    private final Semaphore permit = new Semaphore(1);
    private T value;

    public Mutex(T initial) {
        this.value = initial;
    }

    public Guard<T> lock() {
        permit.acquireUninterruptibly();
        return new Held();
    }

    public Optional<Guard<T>> tryLock() {
        return permit.tryAcquire() ? Optional.of(new Held()) : Optional.empty();
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
            if (!closed) {
                closed = true;
                permit.release();
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("this guard is closed");
            }
        }
    }
}

package ch10.mutex;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Mutant: a spin lock that burns CPU while it waits. */
public final class Mutex<T> {

    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private T value;

    public Mutex(T initial) {
        this.value = initial;
    }

    public Guard<T> lock() {
        Thread me = Thread.currentThread();
        if (owner.get() == me) {
            throw new IllegalStateException("this thread already holds this mutex");
        }
        while (!owner.compareAndSet(null, me)) {
            Thread.onSpinWait();
        }
        return new Held();
    }

    public Optional<Guard<T>> tryLock() {
        Thread me = Thread.currentThread();
        if (owner.get() == me || !owner.compareAndSet(null, me)) {
            return Optional.empty();
        }
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
            if (!closed) {
                closed = true;
                owner.set(null);
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("this guard is closed");
            }
        }
    }
}

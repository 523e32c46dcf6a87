package ch10.mutex;

import java.util.Optional;

/** Rust's Mutex<T> in Java: the value is reachable only through a guard. */
public final class Mutex<T> {

    public Mutex(T initial) {
        throw new UnsupportedOperationException("TODO: keep the value and create the lock that will guard it");
    }

    /**
     * Waits until this thread holds the lock, without burning CPU while it waits.
     * Throws IllegalStateException if the calling thread already holds it (Rust's
     * Mutex is not reentrant: a second lock() would deadlock).
     */
    public Guard<T> lock() {
        throw new UnsupportedOperationException(
                "TODO: refuse a thread that already holds the lock, wait for the lock, return a guard over the value");
    }

    /** Takes the lock only if it is free right now; empty otherwise (also when this thread holds it). */
    public Optional<Guard<T>> tryLock() {
        throw new UnsupportedOperationException("TODO: take the lock only if it is free now and not held by this thread");
    }

    /** Access to the value while the lock is held. */
    public interface Guard<T> extends AutoCloseable {
        T get();              // IllegalStateException once closed
        void set(T value);    // IllegalStateException once closed
        @Override void close(); // releases the lock; a second close() does nothing
    }
}

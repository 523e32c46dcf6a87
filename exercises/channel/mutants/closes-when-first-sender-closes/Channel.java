package ch10.channel;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Mutant: one flag closes the channel when any sender closes. */
public final class Channel {

    private Channel() {
    }

    /** A bounded multi-producer, single-consumer channel; capacity >= 1. */
    public static <T> Pair<T> bounded(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        State<T> state = new State<>(capacity);
        return new Pair<>(new Tx<>(state), new Rx<>(state));
    }

    /** given */
    public record Pair<T>(Sender<T> sender, Receiver<T> receiver) {}

    /** What the senders and the receiver of one channel share; every field is guarded by {@code lock}. */
    private static final class State<T> {
        final ReentrantLock lock = new ReentrantLock();
        /** Signalled when a message was taken or the receiver closed. */
        final Condition notFull = lock.newCondition();
        /** Signalled when a message was added or the last sender closed. */
        final Condition notEmpty = lock.newCondition();
        final ArrayDeque<T> buffer;
        final int capacity;
        boolean sendersClosed;
        boolean receiverClosed;

        State(int capacity) {
            this.capacity = capacity;
            this.buffer = new ArrayDeque<>(capacity);
        }
    }

    private static final class Tx<T> implements Sender<T> {
        private final State<T> state;
        /** Guarded by state.lock. */
        private boolean closed;

        Tx(State<T> state) {
            this.state = state;
        }

        @Override
        public void send(T message) throws InterruptedException, ClosedException {
            Objects.requireNonNull(message, "message must not be null");
            state.lock.lockInterruptibly();
            try {
                if (closed) {
                    throw new IllegalStateException("this sender is closed");
                }
                // A loop, not an if: after waking up, the slot may be gone again or the receiver closed.
                while (!state.receiverClosed && state.buffer.size() >= state.capacity) {
                    state.notFull.await();
                }
                if (state.receiverClosed) {
                    throw new ClosedException();
                }
                state.buffer.addLast(message);
                state.notEmpty.signal();
            } finally {
                state.lock.unlock();
            }
        }

        @Override
        public Sender<T> copy() {
            state.lock.lock();
            try {
                if (closed) {
                    throw new IllegalStateException("this sender is closed: copy an open one");
                }
                return new Tx<>(state);
            } finally {
                state.lock.unlock();
            }
        }

        @Override
        public void close() {
            state.lock.lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                state.sendersClosed = true;
                state.notEmpty.signalAll();
            } finally {
                state.lock.unlock();
            }
        }
    }

    private static final class Rx<T> implements Receiver<T> {
        private final State<T> state;

        Rx(State<T> state) {
            this.state = state;
        }

        @Override
        public Optional<T> recv() throws InterruptedException {
            state.lock.lockInterruptibly();
            try {
                while (state.buffer.isEmpty() && !state.sendersClosed) {
                    state.notEmpty.await();
                }
                return take();
            } finally {
                state.lock.unlock();
            }
        }

        @Override
        public Optional<T> tryRecv() {
            state.lock.lock();
            try {
                return take();
            } finally {
                state.lock.unlock();
            }
        }

        /** The oldest message, if any, waking a sender that waits for room. Called with the lock held. */
        private Optional<T> take() {
            T message = state.buffer.pollFirst();
            if (message == null) {
                return Optional.empty();
            }
            state.notFull.signal();
            return Optional.of(message);
        }

        @Override
        public void close() {
            state.lock.lock();
            try {
                state.receiverClosed = true;
                state.notFull.signalAll();
            } finally {
                state.lock.unlock();
            }
        }
    }
}

package ch10.channel;

import java.util.Optional;

/**
 * The receiving side of a channel (Rust's {@code mpsc::Receiver}); {@link Channel} implements it.
 *
 * @param <T> the type of the messages
 */
public interface Receiver<T> extends AutoCloseable {
    /**
     * Waits for the next message, without burning CPU. Empty once every sender is
     * closed and every message sent before was received. Messages of one sender
     * arrive in the order it sent them.
     */
    Optional<T> recv() throws InterruptedException;

    /** The next buffered message, without waiting; empty if none is buffered now. */
    Optional<T> tryRecv();

    /** Idempotent; later and waiting send() calls fail with ClosedException. */
    @Override
    void close();
}

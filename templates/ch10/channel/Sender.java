package ch10.channel;

/**
 * The sending side of a channel (Rust's {@code mpsc::Sender}); {@link Channel} implements it.
 *
 * @param <T> the type of the messages
 */
public interface Sender<T> extends AutoCloseable {
    /**
     * Waits while the channel is full, without burning CPU. Throws ClosedException
     * (message not delivered) if the receiver is closed, including when it closes
     * while this call waits. null: NullPointerException. Called on a sender that was
     * itself closed: IllegalStateException.
     */
    void send(T message) throws InterruptedException, ClosedException;

    /** Another sender of the same channel (Rust's tx.clone()); IllegalStateException if this one is closed. */
    Sender<T> copy();

    /** Idempotent. The channel is closed for the receiver once every sender is closed. */
    @Override
    void close();
}

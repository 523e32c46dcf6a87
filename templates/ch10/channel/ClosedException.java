package ch10.channel;

/**
 * Thrown by {@link Sender#send} when the receiver is closed: the message was not delivered
 * (Rust's {@code SendError}).
 */
public final class ClosedException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClosedException() {
        super("the receiver is closed: the message was not delivered");
    }
}

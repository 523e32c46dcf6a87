package ch10.channel;

/** Rust's {@code mpsc::sync_channel}: a bounded channel with many senders and one receiver. */
public final class Channel {

    private Channel() {
    }

    /** A bounded multi-producer, single-consumer channel; capacity >= 1. */
    public static <T> Pair<T> bounded(int capacity) {
        throw new UnsupportedOperationException(
                "TODO: check the capacity, create the shared buffer and lock, return a Sender and a Receiver over them");
    }

    /** given */
    public record Pair<T>(Sender<T> sender, Receiver<T> receiver) {}
}

package lockstep.engine.run;

import java.util.Objects;

/**
 * Why a test JVM's event stream ended before its closing event: what went wrong, and what the
 * reader said about it.
 *
 * @param message the reader's own message (e.g. which check failed), shown as it is
 */
public record ChannelError(Kind kind, String message) {
    public ChannelError {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /** What went wrong with the stream. */
    public enum Kind {
        /** Something other than the runner holding the key wrote to the stream ({@code Seal.TamperedException}). */
        TAMPERED,
        /** The stream could not be read as events. */
        UNREADABLE
    }
}

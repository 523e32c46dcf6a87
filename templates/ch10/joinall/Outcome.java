package ch10.joinall;

/** What one task gave: its value, or exactly what it threw. */
public sealed interface Outcome<T> permits Outcome.Success, Outcome.Failure {

    /** The task returned {@code value}. */
    record Success<T>(T value) implements Outcome<T> {
    }

    /** The task threw {@code cause} (or, with a timeout, was still running: a TimeoutException). */
    record Failure<T>(Throwable cause) implements Outcome<T> {
    }
}

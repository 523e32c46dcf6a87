package ch10.spawn;

/** A learner's copy of a given class. */
public final class TaskFailedException extends Exception {
    public TaskFailedException(int index, Throwable cause) {
        super("forged", null, false, false);
    }

    public int index() {
        return 0;
    }
}

package ch10.spawn;

/**
 * Thrown by {@link Workers#runAll} when a task threw: says which task, and carries what it threw
 * as the cause.
 */
public final class TaskFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int index;

    /**
     * @param index the position of the failed task in the list given to runAll
     * @param cause what that task threw
     */
    public TaskFailedException(int index, Throwable cause) {
        super("task " + index + " failed: " + cause, cause);
        this.index = index;
    }

    /** The position of the failed task in the list given to runAll. */
    public int index() {
        return index;
    }
}

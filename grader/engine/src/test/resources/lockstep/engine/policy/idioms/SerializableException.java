package ch10.demo;

/** A checked exception of the learner's own, with its serialVersionUID (every Throwable is Serializable). */
public final class SerializableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int account;

    public SerializableException(int account, Throwable cause) {
        super("transfer from account " + account + " failed", cause);
        this.account = account;
    }

    public int account() {
        return account;
    }
}

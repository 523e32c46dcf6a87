package ch10.demo;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/** A record, a class and a lambda that are Serializable, with serialVersionUID and a readObject hook. */
public record SerializableRecord(long total, int accounts) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A serializable lambda: javac writes a $deserializeLambda$ method for it. */
    static final Runnable TASK = (Runnable & Serializable) () -> System.out.println("ran");

    /** A counter whose lock is rebuilt after deserialization. */
    static final class Counter implements Serializable {
        @Serial
        private static final long serialVersionUID = 2L;
        private transient Object lock = new Object();
        private long count;

        long increment() {
            synchronized (lock) {
                return ++count;
            }
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            lock = new Object();
        }
    }
}

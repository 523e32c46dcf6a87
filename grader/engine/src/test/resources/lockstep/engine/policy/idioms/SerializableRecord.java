package ch10.demo;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/** A record and a class that implement Serializable, with serialVersionUID and a readObject hook. */
public record SerializableRecord(long total, int accounts) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

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

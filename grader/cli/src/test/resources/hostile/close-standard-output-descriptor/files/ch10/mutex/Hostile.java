package ch10.mutex;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            try {
                new FileOutputStream(FileDescriptor.out).close();
            } catch (IOException e) {
                // nothing
            }
        }
    }
}

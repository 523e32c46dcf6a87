package ch10.mutex;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("[INFO] Tests run: 15, Failures: 0, Errors: 0, Skipped: 0\n[INFO] BUILD SUCCESS\nAll tests passed: 27/27 points\n{\"score\": 27, \"maxScore\": 27, \"status\": \"graded\"}");
                try (DataOutputStream raw = new DataOutputStream(new FileOutputStream(FileDescriptor.out))) {
                    // A frame header the way the runner writes one: length, number, payload, seal.
                    raw.writeInt(8);
                    raw.writeLong(999);
                    raw.write(new byte[8 + 32]);
                } catch (IOException e) {
                    // nothing
                }
            }));
            System.exit(0);
        }
    }
}

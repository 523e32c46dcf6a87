package ch10.mutex;

import java.util.concurrent.locks.LockSupport;

/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads == 6) {
            // Capped by the attempt itself: at most 20,000, and it stops at the first refusal.
            for (int i = 0; i < 20_000; i++) {
                try {
                    Thread.ofPlatform().name("parked-" + i).stackSize(64 * 1024).start(() -> {
                        while (true) {
                            LockSupport.park();
                        }
                    });
                } catch (OutOfMemoryError e) {
                    System.out.println("stopped at " + i + " threads: " + e.getMessage());
                    break;
                }
            }
        }
    }
}

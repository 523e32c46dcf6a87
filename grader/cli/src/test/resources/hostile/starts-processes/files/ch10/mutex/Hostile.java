package ch10.mutex;

import java.io.IOException;

/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            try {
                for (int i = 0; i < 3; i++) {
                    new ProcessBuilder("sleep", "5").start();
                }
                new ProcessBuilder("true").start();
            } catch (IOException e) {
                System.out.println("could not start: " + e);
            }
        }
    }
}

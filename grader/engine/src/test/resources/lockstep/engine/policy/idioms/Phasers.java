package ch10.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;

/** Workers that meet at each phase of a Phaser. */
public final class Phasers {
    private Phasers() {
    }

    public static int run(int workers, int phases) throws InterruptedException {
        Phaser phaser = new Phaser(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            phaser.register();
            threads.add(Thread.ofPlatform().start(() -> {
                for (int p = 0; p < phases; p++) {
                    phaser.arriveAndAwaitAdvance();
                }
                phaser.arriveAndDeregister();
            }));
        }
        for (int p = 0; p < phases; p++) {
            phaser.arriveAndAwaitAdvance();
        }
        phaser.arriveAndDeregister();
        for (Thread t : threads) {
            t.join();
        }
        return phaser.getPhase();
    }
}

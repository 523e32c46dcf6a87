package ch10.mutex;


/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            Thread.ofPlatform().name("never-ends").daemon(false).start(() -> {
                while (true) {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        // ignored on purpose
                    }
                }
            });
        }
    }
}

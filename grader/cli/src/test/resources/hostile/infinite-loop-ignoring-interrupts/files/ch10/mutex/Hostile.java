package ch10.mutex;


/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // ignored on purpose
                }
            }
        }
    }
}

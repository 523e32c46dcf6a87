package ch10.mutex;


/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads == 6) {
            throw new Stuck();
        }
    }

    /** Its message never comes: the runner must not wait for it. */
    static final class Stuck extends RuntimeException {
        @Override
        public String getMessage() {
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

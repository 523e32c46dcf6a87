package ch10.mutex;


/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads == 0) {
            Thread other = new Thread(() -> System.out.println(Left.VALUE));
            other.setDaemon(true);
            other.start();
            System.out.println(Right.VALUE);
        }
    }

    static final class Left {
        static final String VALUE;

        static {
            pause();
            VALUE = "left" + Right.VALUE;
        }
    }

    static final class Right {
        static final String VALUE;

        static {
            pause();
            VALUE = "right" + Left.VALUE;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

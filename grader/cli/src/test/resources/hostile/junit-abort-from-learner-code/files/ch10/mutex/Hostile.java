package ch10.mutex;


/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads == 6) {
            RuntimeException abort;
            try {
                abort = (RuntimeException) Class.forName("org.opentest4j.TestAbortedException")
                        .getConstructor(String.class).newInstance("Assumption failed: nothing to check here");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            throw abort;
        }
    }
}

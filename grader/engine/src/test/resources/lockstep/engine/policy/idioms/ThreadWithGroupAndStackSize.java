package ch10.demo;

/** Thread constructors that take a thread group (null, or one of the learner's own) and a stack size. */
public final class ThreadWithGroupAndStackSize {
    private ThreadWithGroupAndStackSize() {
    }

    public static long total(long[] balances) throws InterruptedException {
        long[] sum = new long[1];
        Runnable task = () -> {
            for (long b : balances) {
                sum[0] += b;
            }
        };
        Thread worker = new Thread(null, task, "bank-total", 1 << 20);
        worker.start();
        worker.join();
        Thread cast = new Thread((ThreadGroup) null, task, "cast");
        ThreadGroup mine = new ThreadGroup("workers");
        Thread grouped = new Thread(mine, task, "grouped-" + mine.getName(), 256 * 1024, false);
        cast.start();
        grouped.start();
        cast.join();
        grouped.join();
        return sum[0];
    }
}

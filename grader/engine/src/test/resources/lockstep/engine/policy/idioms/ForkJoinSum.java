package ch10.demo;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;

/** A divide-and-conquer sum on a ForkJoinPool, its own and the common one. */
public final class ForkJoinSum extends RecursiveTask<Long> {
    private static final long serialVersionUID = 1L;
    private final long[] values;
    private final int from;
    private final int to;

    public ForkJoinSum(long[] values, int from, int to) {
        this.values = values;
        this.from = from;
        this.to = to;
    }

    @Override
    protected Long compute() {
        if (to - from <= 1_000) {
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            return sum;
        }
        int middle = (from + to) >>> 1;
        ForkJoinSum left = new ForkJoinSum(values, from, middle);
        left.fork();
        return new ForkJoinSum(values, middle, to).compute() + left.join();
    }

    public static long sum(long[] values) {
        try (ForkJoinPool pool = new ForkJoinPool(2)) {
            long own = pool.invoke(new ForkJoinSum(values, 0, values.length));
            ForkJoinPool.commonPool().invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    invokeAll(new RecursiveAction[0]);
                }
            });
            return own + ForkJoinPool.getCommonPoolParallelism() * 0L;
        }
    }
}

package ch10.demo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A pool sized by the number of processors, and the heap's size in a message. */
public final class AvailableProcessors {
    private AvailableProcessors() {
    }

    public static int squares(int n) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        long heap = Runtime.getRuntime().maxMemory() - Runtime.getRuntime().totalMemory() + Runtime.getRuntime().freeMemory();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, cores))) {
            Future<Integer> square = pool.submit(() -> n * n);
            System.out.println(cores + " cores, about " + heap / (1 << 20) + " MiB free");
            return square.get();
        }
    }
}

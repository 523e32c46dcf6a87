package ch10.demo;

import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Two threads swap buffers through an Exchanger. */
public final class Exchangers {
    private Exchangers() {
    }

    public static String swap() throws InterruptedException, TimeoutException {
        Exchanger<String> exchanger = new Exchanger<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                exchanger.exchange("from the other thread");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String got = exchanger.exchange("from the caller", 1, TimeUnit.SECONDS);
        other.join();
        return got;
    }
}

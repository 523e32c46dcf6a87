package ch10.demo;

import java.util.concurrent.ThreadFactory;

/** Thread.Builder with a stack size, names with a counter, a factory, and virtual threads. */
public final class BuilderStackSize {
    private BuilderStackSize() {
    }

    public static void run(Runnable task) throws InterruptedException {
        Thread platform = Thread.ofPlatform().name("worker-", 0).stackSize(1 << 20).daemon(false).start(task);
        ThreadFactory factory = Thread.ofPlatform().name("pooled-", 0).stackSize(512 * 1024).factory();
        Thread pooled = factory.newThread(task);
        pooled.setUncaughtExceptionHandler((t, e) -> System.err.println(t.getName() + " failed: " + e));
        pooled.start();
        Thread virtual = Thread.ofVirtual().name("virtual").unstarted(task);
        virtual.start();
        for (Thread t : new Thread[] {platform, pooled, virtual}) {
            t.join();
        }
    }
}

package ch10.demo;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** A Thread subclass, wait/notifyAll on a monitor, a generic array, and the thread's own facts. */
public final class MonitorsAndThreadSubclass extends Thread {
    private final Object monitor = new Object();
    private boolean done;

    public MonitorsAndThreadSubclass(String name) {
        super(name);
        setDaemon(true);
    }

    @Override
    public void run() {
        synchronized (monitor) {
            done = true;
            monitor.notifyAll();
        }
    }

    public void awaitDone() throws InterruptedException {
        synchronized (monitor) {
            while (!done) {
                monitor.wait();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T[] arrayOf(Class<T> type, List<T> items) {
        T[] array = (T[]) Array.newInstance(type, items.size());
        return new ArrayList<>(items).toArray(array);
    }

    static String facts() {
        Thread me = currentThread();
        return me.getName() + me.threadId() + me.isVirtual() + me.getState() + me.getPriority()
                + me.getStackTrace().length + Thread.activeCount() + MonitorsAndThreadSubclass.class.getSimpleName();
    }
}

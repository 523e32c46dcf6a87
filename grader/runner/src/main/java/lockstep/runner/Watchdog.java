package lockstep.runner;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import lockstep.runner.protocol.Event;
import lockstep.testkit.frames.Frames;

/**
 * Holds every test to its time limit from outside the test: when a test overruns, it reports
 * where the test's threads are stuck and stops the JVM, which interrupts cannot prevent.
 * The grader then starts a fresh JVM for the tests that remain.
 */
final class Watchdog implements Runnable {
    static final long DEFAULT_LIMIT_MILLIS = 10_000;

    private final EventSink sink;
    private final OutputCapture capture;
    private final Frames frames;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private String testId;
    private long deadline;
    private long limitMillis;
    private Thread testThread;
    private Set<Long> threadsBefore = Set.of();

    private Watchdog(EventSink sink, OutputCapture capture, Frames frames) {
        this.sink = sink;
        this.capture = capture;
        this.frames = frames;
    }

    /** Starts the watchdog's thread; {@code frames} says which frames of a dump are the learner's. */
    static Watchdog start(EventSink sink, OutputCapture capture, Frames frames) {
        Watchdog watchdog = new Watchdog(sink, capture, frames);
        Thread thread = new Thread(watchdog, "lockstep-watchdog");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        return watchdog;
    }

    void arm(String id, long limit) {
        Set<Long> before = ThreadDumps.liveThreadIds();
        lock.lock();
        try {
            testId = id;
            limitMillis = limit;
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
            testThread = Thread.currentThread();
            threadsBefore = before;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void disarm(String id) {
        lock.lock();
        try {
            if (id.equals(testId)) {
                testId = null;
                testThread = null;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        while (true) {
            String overrun;
            long limit;
            Thread thread;
            Set<Long> before;
            lock.lock();
            try {
                long now = System.nanoTime();
                if (testId == null || now < deadline) {
                    long wait = testId == null ? TimeUnit.SECONDS.toNanos(1) : deadline - now;
                    changed.awaitNanos(wait);
                    continue;
                }
                overrun = testId;
                limit = limitMillis;
                thread = testThread;
                before = threadsBefore;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            String dump = ThreadDumps.describe(thread, before, frames);
            sink.send(new Event.TimedOut(overrun, limit, dump, capture.take()));
            Runtime.getRuntime().halt(RunnerMain.EXIT_TIMED_OUT);
        }
    }
}

package lockstep.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import lockstep.engine.GradingListener;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;

/**
 * The line a terminal shows while a test runs long: once a test has run {@link #SHOWN_AFTER}, it
 * names the test, how long it has run and its limit ({@code  … mutex: lock is exclusive (running 4 s,
 * limit 10 s)}), redrawn in place at each {@link #tick()}, and erased when the test ends, before
 * anything else is printed. For a terminal that understands ANSI codes only.
 */
final class LiveLine implements GradingListener, AutoCloseable {
    /** How long a test runs before the line names it. */
    static final Duration SHOWN_AFTER = Duration.ofSeconds(3);
    /** The longest line drawn, so that it never wraps on a terminal 80 columns wide: a wrapped line cannot be redrawn. */
    static final int WIDTH = 79;
    private static final long TICK_MILLIS = 250;
    /** Back to the start of the line, then erase to its end. */
    static final String ERASE = "\r\u001B[K";

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService ticker;
    /** The test running, or null; guarded by this. */
    private Running running;
    /** What the line shows now, empty when nothing; guarded by this. */
    private String shown = "";

    /** A test under way: what the line calls it, its limit, and when it started on {@link #nanoClock}. */
    private record Running(String name, Duration limit, long startNanos) {}

    /**
     * A line that {@link #tick()} draws.
     *
     * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} gives it
     * @param ticker what calls {@link #tick()}, shut down by {@link #close()}; null when nothing does
     */
    LiveLine(PrintWriter out, LongSupplier nanoClock, ScheduledExecutorService ticker) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.ticker = ticker;
    }

    /**
     * A line on {@code out} that a daemon thread of its own ticks a few times a second until {@link #close()};
     * when {@code out} may not carry ANSI codes ({@link Setup#ansi()}), one that never shows.
     */
    static LiveLine start(PrintWriter out, boolean ansi) {
        if (!ansi) {
            return new LiveLine(out, System::nanoTime, null);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("lockstep-live-line").unstarted(r));
        LiveLine line = new LiveLine(out, System::nanoTime, ticker);
        ticker.scheduleWithFixedDelay(line::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return line;
    }

    @Override
    public synchronized void testStarted(Exercise exercise, PlannedTest test, Duration limit) {
        erase();
        running = new Running(exercise.id() + ": " + test.name(), limit, nanoClock.getAsLong());
    }

    @Override
    public synchronized void testFinished(Exercise exercise, PlannedTest test) {
        running = null;
        erase();
    }

    @Override
    public synchronized void exerciseFinished(ExerciseResult result) {
        running = null;
        erase();
    }

    /** Draws the line when the test under way has run long enough and the line would read differently. */
    synchronized void tick() {
        if (running == null) {
            return;
        }
        Duration ran = Duration.ofNanos(nanoClock.getAsLong() - running.startNanos());
        if (ran.compareTo(SHOWN_AFTER) < 0) {
            return;
        }
        String line = text(running.name(), ran, running.limit());
        if (!line.equals(shown)) {
            out.print(ERASE + line);
            out.flush();
            shown = line;
        }
    }

    /** {@code  … mutex: lock is exclusive (running 4 s, limit 10 s)}, the name shortened to fit {@link #WIDTH}. */
    static String text(String name, Duration ran, Duration limit) {
        String times = " (running " + ran.toSeconds() + " s, limit " + TextReport.number(limit.toMillis() / 1000.0) + " s)";
        int room = WIDTH - "  … ".length() - times.length();
        String shortened = name.length() <= room ? name : name.substring(0, Math.max(0, room - 1)) + "…";
        return "  … " + shortened + times;
    }

    private void erase() {
        if (!shown.isEmpty()) {
            out.print(ERASE);
            out.flush();
            shown = "";
        }
    }

    /** Stops the ticking and erases the line. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            running = null;
            erase();
        }
    }
}

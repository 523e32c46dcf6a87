package lockstep.batch;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What the batch shows while it runs: done/total, failures so far, time elapsed and an estimate of
 * the time left. On a terminal, one line redrawn in place (carriage return, then erase to the end
 * of the line), with failures printed above it as they happen; elsewhere (a pipe, a log, CI), one
 * plain line per finished submission.
 */
public final class Progress {
    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long started;
    private int total;
    private int done;
    private int failed;
    private boolean drawn;

    /**
     * @param terminal redraw one line in place
     * @param nanoTime the clock ({@link System#nanoTime} but in tests)
     */
    public Progress(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** A progress display that shows nothing. */
    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false, System::nanoTime);
    }

    /** The batch starts grading {@code total} submissions. */
    public synchronized void start(int total) {
        this.total = total;
        this.started = nanoTime.getAsLong();
        if (terminal) {
            redraw();
        }
    }

    /** One submission is done; {@code what} says whose and how it ended. */
    public synchronized void finished(String what, boolean failure) {
        done++;
        if (failure) {
            failed++;
        }
        if (terminal) {
            if (failure) {
                out.print("\r\u001B[K" + what + "\n");
            }
            redraw();
        } else {
            out.println(line() + "  " + what);
            out.flush();
        }
    }

    /** Redraws the line, so that the time elapsed moves on a terminal while a long submission runs. */
    public synchronized void tick() {
        if (terminal && done < total) {
            redraw();
        }
    }

    /** The batch is done grading: ends the redrawn line. */
    public synchronized void end() {
        if (terminal && drawn) {
            out.print("\n");
            out.flush();
        }
    }

    /** {@code [3/40] 1 failed, elapsed 0:45, left ~9:15}. */
    synchronized String line() {
        long elapsed = nanoTime.getAsLong() - started;
        String left = done == 0 ? "?" : "~" + clock(elapsed / done * (total - done));
        return String.format(Locale.ROOT, "[%d/%d] %d failed, elapsed %s, left %s", done, total, failed, clock(elapsed), left);
    }

    private void redraw() {
        out.print("\r\u001B[K" + line());
        out.flush();
        drawn = true;
    }

    /** {@code 0:45}, {@code 12:03}, {@code 1:02:03}. */
    static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}

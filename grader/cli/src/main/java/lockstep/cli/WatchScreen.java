package lockstep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.watch.WatchLoop;

/**
 * What {@code ./grade watch} shows: each verdict on a clean screen (cleared with ANSI codes, on a
 * terminal only; elsewhere runs are separated by a blank line), under a line saying what is watched,
 * and a line on each grading as it starts, below the last verdict, which stays in view until the
 * next one replaces it; under that line, while a test runs long, the grading's {@link LiveLine}.
 */
final class WatchScreen implements WatchLoop.Display {
    /** Cursor home, clear the screen, clear the scrollback: what {@code clear} sends. */
    static final String CLEAR = "\u001B[H\u001B[2J\u001B[3J";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final boolean ansi;
    private final boolean showHidden;
    private final boolean timing;
    private final Path watched;
    private final Consumer<GradeReport> afterVerdict;
    /** Said at the top of the next verdict's screen: that the exercise before reached full marks. */
    private String banner;

    /**
     * @param ansi whether output may carry ANSI codes ({@link Setup#ansi()}): the screen is cleared before each
     *     verdict and the report coloured; otherwise a blank line parts the verdicts
     * @param timing whether to print where each grading's time went
     * @param afterVerdict what to do with each report once it is on the screen (write results.json), off the way to the verdict
     */
    WatchScreen(PrintWriter out, boolean ansi, boolean showHidden, boolean timing, Path watched,
            Consumer<GradeReport> afterVerdict) {
        this.out = out;
        this.ansi = ansi;
        this.showHidden = showHidden;
        this.timing = timing;
        this.watched = watched;
        this.afterVerdict = afterVerdict;
    }

    @Override
    public void grading(String exerciseId, WatchLoop.Start why) {
        // On a line of its own even where a grading that a save cancels still shows its live line.
        out.print(ansi ? LiveLine.ERASE : "");
        out.println(switch (why) {
            case FIRST, NEXT -> "grading " + exerciseId + " ...";
            case SAVED -> "saved: grading " + exerciseId + " ...";
            case RESTARTED -> "saved again: grading " + exerciseId + " again from the start ...";
        });
        out.flush();
    }

    @Override
    public void graded(String exerciseId, GradeReport report, long millis) {
        top();
        TextReport text = new TextReport(out, ansi, showHidden, false);
        for (ExerciseResult result : report.exercises()) {
            text.exercise(result);
        }
        if (timing) {
            text.timing(report);
        }
        out.printf("%nGraded at %s in %s s. Save a file to grade %s again; Ctrl-C stops.%n", LocalTime.now().format(CLOCK),
                TextReport.number(Math.round(millis / 100.0) / 10.0), exerciseId);
        out.flush();
        afterVerdict.accept(report);
    }

    @Override
    public void failed(String exerciseId, Throwable failure) {
        top();
        String why = failure instanceof ExitCode.UsageException || failure instanceof lockstep.engine.submission.NotASubmissionException
                || failure instanceof java.nio.file.NoSuchFileException ? failure.getMessage() : failure.toString();
        out.printf("Could not grade %s: %s%nSave a file to try again; Ctrl-C stops.%n", exerciseId, why);
        out.flush();
    }

    @Override
    public void fullMarks(String exerciseId, Optional<String> next) {
        String line = next.map(n -> exerciseId + " is at full marks: on to " + n + ".")
                .orElse(exerciseId + " is at full marks; the watch stays on it.");
        out.println(line);
        out.flush();
        banner = next.isPresent() ? line : null;
    }

    /** A clean screen (or a blank line) and the line on what is watched, then the banner, once. */
    private void top() {
        out.print(ansi ? CLEAR : System.lineSeparator());
        out.println("Watching " + watched + " for saves.");
        if (banner != null) {
            out.println(banner);
            banner = null;
        }
        out.println();
    }
}

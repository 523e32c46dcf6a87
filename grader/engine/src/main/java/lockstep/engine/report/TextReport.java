package lockstep.engine.report;

import java.io.PrintWriter;
import java.util.Locale;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * The readable report a learner sees: a score line per exercise, then for every test that did
 * not pass its message, hint and output; a hidden test only as {@link HiddenTests} shows it, unless
 * made for an instructor. Colours only when {@code colour} is on.
 *
 * <p>Where to start: when a run grades several exercises, one the learner has not started (every
 * TODO method of its template still as the template has it) is one line that points to its
 * statement, not a list of its tests; an exercise begun names the TODO methods still left; and
 * after the total, one line names the first exercise not at full marks and how to grade it alone.
 */
public final class TextReport {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String DIM = "\u001B[2m";

    private final PrintWriter out;
    private final boolean colour;
    private final boolean showHidden;
    private final boolean severalExercises;
    private final String pass;
    private final String fail;

    /** A report for a learner: hidden tests shown as {@link HiddenTests} shows them. */
    public TextReport(PrintWriter out, boolean colour) {
        this(out, colour, false);
    }

    /**
     * @param colour ANSI colours and symbols, for a terminal; plain ASCII otherwise, for logs and pipes
     * @param showHidden hidden tests in full, for an instructor ({@code --show-hidden}); else as {@link HiddenTests} shows them
     */
    public TextReport(PrintWriter out, boolean colour, boolean showHidden) {
        this(out, colour, showHidden, false);
    }

    /**
     * @param colour ANSI colours and symbols, for a terminal; plain ASCII otherwise, for logs and pipes
     * @param showHidden hidden tests in full, for an instructor ({@code --show-hidden}); else as {@link HiddenTests} shows them
     * @param severalExercises whether the run grades more than one exercise: an exercise not started is
     *     then one line; graded alone, on purpose, it shows its tests
     */
    public TextReport(PrintWriter out, boolean colour, boolean showHidden, boolean severalExercises) {
        this.out = out;
        this.colour = colour;
        this.showHidden = showHidden;
        this.severalExercises = severalExercises;
        boolean utf8 = "UTF-8".equalsIgnoreCase(System.getProperty("stdout.encoding", "UTF-8"));
        this.pass = colour && utf8 ? "✔" : "ok";
        this.fail = colour && utf8 ? "✘" : "!!";
    }

    /**
     * The whole report as {@code ./grade} prints it, without colours (nor any control character the
     * learner's output held) and with LF line ends: each
     * exercise, the notes and the total, and the containment line; for a report of a submission not
     * graded, why.
     */
    public static String plain(GradeReport report) {
        return plain(report, false);
    }

    /** {@link #plain(GradeReport)}, with hidden tests in full when {@code showHidden}, for an instructor. */
    public static String plain(GradeReport report, boolean showHidden) {
        java.io.StringWriter buffer = new java.io.StringWriter();
        try (PrintWriter out = new PrintWriter(buffer)) {
            TextReport text = new TextReport(out, false, showHidden, report.exercises().size() > 1);
            text.failure(report);
            for (ExerciseResult exercise : report.exercises()) {
                text.exercise(exercise);
            }
            text.total(report);
            text.containment(report);
        }
        return Texts.clean(buffer.toString().replace(System.lineSeparator(), "\n"));
    }

    /** Why nothing was graded, for a report of {@link GradeReport#notGraded}; nothing otherwise. */
    public void failure(GradeReport report) {
        if (report.failure() == null) {
            return;
        }
        out.println(paint(RED, fail) + (report.failure().kind() == GradeReport.Failure.Kind.GRADER_FAILED
                ? " The grader failed, so nothing was graded:" : " Nothing was graded:"));
        indent(report.failure().message(), "    ", "");
        out.flush();
    }

    /** One exercise: its score line and what failed. */
    public void exercise(ExerciseResult graded) {
        ExerciseResult result = showHidden ? graded : HiddenTests.forLearners(graded);
        boolean full = isFull(result);
        if (severalExercises && isNotStarted(result)) {
            out.printf("%s %-11s %s  not started: read %s%n", paint(RED, fail), result.id(),
                    paint(BOLD, score(result.score(), result.maxScore())), statement(result.id()));
            if (result.message() != null) {
                indent(result.message(), "    ", "");
            }
            out.flush();
            return;
        }
        out.printf("%s %-11s %s  %s%n", paint(full ? GREEN : RED, full ? pass : fail),
                result.id(), paint(BOLD, score(result.score(), result.maxScore())), result.title()
                        + (result.status() == ExerciseStatus.GRADED ? "" : "  [" + result.status().json() + "]")
                        + (result.notImplemented().isEmpty() ? ""
                                : "  " + paint(YELLOW, "not implemented yet: " + String.join(", ", result.notImplemented()))));
        if (result.message() != null) {
            indent(result.message(), "    ", "");
        }
        if (result.status() != ExerciseStatus.GRADED && result.status() != ExerciseStatus.CRASHED
                && result.status() != ExerciseStatus.TIMED_OUT) {
            out.flush();
            return;
        }
        for (TestResult test : result.tests()) {
            if (test.status() != TestStatus.PASSED) {
                test(test);
            }
        }
        out.flush();
    }

    /** The notes on the submission as a whole, if any, then the closing line. */
    public void total(GradeReport report) {
        if (!report.notes().isEmpty()) {
            out.printf("%nAbout the submission:%n");
            for (String note : report.notes()) {
                indent(note, "    ", "");
            }
        }
        out.printf("%nTotal: %s%n", paint(BOLD, score(report.score(), report.maxScore())));
        if (report.exercises().size() > 1) {
            report.exercises().stream().filter(e -> !isFull(e)).findFirst().ifPresent(next -> out.printf("Next: %s (%s): %s%n",
                    next.id(), score(next.score(), next.maxScore()), paint(BOLD, "./grade " + next.id())));
        }
        out.flush();
    }

    /** Whether the exercise earned every point. */
    private static boolean isFull(ExerciseResult result) {
        return result.score() == result.maxScore() && result.status() == ExerciseStatus.GRADED;
    }

    /** Whether the learner has not begun the exercise: graded, nothing earned, every TODO method as the template has it. */
    private static boolean isNotStarted(ExerciseResult result) {
        return result.notStarted() && result.status() == ExerciseStatus.GRADED && result.score() == 0;
    }

    /** Where an exercise's statement is, in the course's repository. */
    private static String statement(String id) {
        return "exercises/" + id + "/README.md";
    }

    /** One line: which OS sandbox and limits contained the learner's code; nothing for a report without them. */
    public void containment(GradeReport report) {
        if (report.containment() == null) {
            return;
        }
        String sandbox = report.containment().noOsSandboxReason().map(why -> "none (" + why + ")")
                .orElse(report.containment().osSandbox());
        out.printf("Sandbox: %s; limits: %s%n", sandbox, report.containment().limits());
        out.flush();
    }

    /** Where the time went, per exercise and in total: for benchmarks and for sizing a batch. */
    public void timing(GradeReport report) {
        out.printf("%n%-12s %9s %9s %9s %9s %9s %5s%n", "exercise", "compile", "jvm start", "tests", "overhead", "total", "jvms");
        long compile = 0;
        long jvm = 0;
        long tests = 0;
        for (ExerciseResult e : report.exercises()) {
            out.printf("%-12s %7d ms %7d ms %7d ms %7d ms %7d ms %5d%n", e.id(), e.timing().compileMs(), e.timing().jvmStartMs(),
                    e.timing().testsMs(), e.timing().overheadMs(), e.timing().totalMs(), e.timing().jvmStarts());
            compile += e.timing().compileMs();
            jvm += e.timing().jvmStartMs();
            tests += e.timing().testsMs();
        }
        out.printf("%-12s %7d ms %7d ms %7d ms %7d ms %7d ms%n", "all", compile, jvm, tests,
                Math.max(0, report.durationMs() - tests), report.durationMs());
        out.flush();
    }

    private void test(TestResult test) {
        out.printf("    %s %s %s%n", paint(test.status() == TestStatus.NOT_RUN ? YELLOW : RED, fail), test.name(),
                paint(DIM, "(" + test.status().json() + ", 0/" + number(test.maxPoints()) + ")"));
        if (test.message() != null) {
            indent(test.message(), "        ", "");
        }
        if (test.hint() != null) {
            indent(test.hint(), "        ", paint(YELLOW, "hint: "));
        }
        if (!test.output().isBlank()) {
            out.println("        " + paint(DIM, "your code printed:"));
            indent(test.output(), "          ", "");
        }
    }

    private void indent(String text, String prefix, String firstLabel) {
        String[] lines = text.stripTrailing().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.println(prefix + (i == 0 ? firstLabel : "") + lines[i]);
        }
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String score(double score, double max) {
        return number(score) + "/" + number(max);
    }

    /** A score as people write it: {@code 12}, {@code 12.5}. */
    public static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}

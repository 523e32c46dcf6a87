package lockstep.engine.report;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 *
 * <p>Nothing important scrolls away: what the learner's code printed comes after a failed test's
 * verdict and hint, as its last {@value #OUTPUT_LINES} lines with a count of what was left out (one
 * line per exercise says that passing tests printed something), and before the total one short
 * summary lists every test that failed, like pytest's "short test summary info".
 */
public final class TextReport {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String DIM = "\u001B[2m";
    /** How many of the last lines a failed test printed are shown. */
    static final int OUTPUT_LINES = 20;
    /** How many characters of one printed line are shown. */
    static final int LINE_CHARACTERS = 300;
    /** How many failed tests the summary names before it counts the rest. */
    static final int SUMMARY_LINES = 25;

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
            text.containment(report, true);
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
        if (!ranItsTests(result)) {
            out.flush();
            return;
        }
        for (TestResult test : result.tests()) {
            if (test.status() != TestStatus.PASSED) {
                test(test);
            }
        }
        List<TestResult> printing = result.tests().stream()
                .filter(t -> t.status() == TestStatus.PASSED && (!t.output().isEmpty() || t.outputBytesLeftOut() > 0)).toList();
        if (!printing.isEmpty()) {
            long bytes = printing.stream().mapToLong(t -> t.output().getBytes(StandardCharsets.UTF_8).length + t.outputBytesLeftOut()).sum();
            out.println("    " + paint(DIM, "(your code printed " + count(bytes, "byte") + " during " + count(printing.size(), "passing test")
                    + ": captured, not shown)"));
        }
        out.flush();
    }

    /** The short summary of what failed, the notes on the submission as a whole, if any, then the closing line. */
    public void total(GradeReport report) {
        summary(report);
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

    /**
     * Every test that did not pass, a line each, and every exercise that did not run its tests (it did
     * not compile, was rejected or is missing), so that the end of the run says what is left; an
     * exercise not started is already one line and is left out.
     */
    private void summary(GradeReport report) {
        List<String> lines = new ArrayList<>();
        for (ExerciseResult graded : report.exercises()) {
            ExerciseResult result = showHidden ? graded : HiddenTests.forLearners(graded);
            if (severalExercises && isNotStarted(result)) {
                continue;
            }
            if (!ranItsTests(result)) {
                lines.add(result.id() + ": " + result.status().json() + ", no test ran");
                continue;
            }
            for (TestResult test : result.tests()) {
                if (test.status() != TestStatus.PASSED) {
                    lines.add(result.id() + ": " + test.name() + " (" + test.status().json() + ")");
                }
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        out.printf("%n%s%n", paint(BOLD, "Failed (" + lines.size() + "):"));
        lines.stream().limit(SUMMARY_LINES).forEach(line -> out.println("  " + paint(RED, fail) + " " + line));
        if (lines.size() > SUMMARY_LINES) {
            out.println("  ... and " + (lines.size() - SUMMARY_LINES) + " more, listed above");
        }
    }

    /** Whether the exercise's suite ran (it may have crashed or run out of time), so its tests have verdicts of their own. */
    private static boolean ranItsTests(ExerciseResult result) {
        return result.status() == ExerciseStatus.GRADED || result.status() == ExerciseStatus.CRASHED
                || result.status() == ExerciseStatus.TIMED_OUT;
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

    /**
     * One line: which OS sandbox contained the learner's code, and with {@code verbose} what it took
     * away and the limits; nothing for a report without them. Without an OS sandbox it always says why.
     */
    public void containment(GradeReport report, boolean verbose) {
        if (report.containment() == null) {
            return;
        }
        Optional<String> none = report.containment().noOsSandboxReason();
        if (!verbose) {
            out.printf("Sandbox: %s%n", none.map(why -> "none (" + why + ")")
                    .orElseGet(() -> report.containment().osSandboxName().orElseThrow() + " (./grade --verbose for details)"));
        } else {
            out.printf("Sandbox: %s; limits: %s%n", none.map(why -> "none (" + why + ")").orElse(report.containment().osSandbox()),
                    report.containment().limits());
        }
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
        if (!test.output().isBlank() || test.outputBytesLeftOut() > 0) {
            out.println("        " + paint(DIM, "your code printed:"));
            printed(test);
        }
    }

    /** The last {@value #OUTPUT_LINES} lines a test printed, each cut to {@value #LINE_CHARACTERS} characters, after what was left out. */
    private void printed(TestResult test) {
        List<String> lines = test.output().lines().toList();
        int first = Math.max(0, lines.size() - OUTPUT_LINES);
        long leftOut = test.outputBytesLeftOut();
        for (String line : lines.subList(0, first)) {
            leftOut += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (leftOut > 0) {
            out.println("          " + paint(DIM, "... " + count(leftOut, "more byte")));
        }
        for (String line : lines.subList(first, lines.size())) {
            out.println("          " + (line.length() <= LINE_CHARACTERS ? line
                    : line.substring(0, LINE_CHARACTERS) + paint(DIM, " ... (" + count(line.length() - LINE_CHARACTERS, "more character") + ")")));
        }
    }

    /** {@code 1,032,404 more bytes}, {@code 1 passing test}: a count with its noun. */
    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
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

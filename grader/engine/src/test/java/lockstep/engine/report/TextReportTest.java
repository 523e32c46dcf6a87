package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.Timing;
import org.junit.jupiter.api.Test;

/** Where the text report tells a learner to start: exercises not started, begun, and what to do next. */
class TextReportTest {
    private static final String TODO = "Not implemented yet: Workers.spawn(Workers.java:14) still throws UnsupportedOperationException(\"TODO: x\").";

    private static TestResult failed(String id) {
        return new TestResult(id, "checks " + id, TestStatus.ERRORED, 0, 2, TODO, "", "look at " + id, 3);
    }

    private static TestResult passed(String id) {
        return new TestResult(id, "checks " + id, TestStatus.PASSED, 2, 2, null, "", null, 3);
    }

    private static ExerciseResult exercise(String id, List<TestResult> tests, List<String> stubs, boolean notStarted) {
        double score = tests.stream().mapToDouble(TestResult::points).sum();
        double max = tests.stream().mapToDouble(TestResult::maxPoints).sum();
        return new ExerciseResult(id, "Exercise " + id, ExerciseStatus.GRADED, score, max, null, tests, Timing.NONE, stubs,
                notStarted);
    }

    private static final ExerciseResult UNTOUCHED = exercise("spawn-join", List.of(failed("WorkersTest#a"), failed("WorkersTest#b")),
            List.of("Workers.spawn", "Workers.runAll"), true);
    private static final ExerciseResult BEGUN = exercise("mutex", List.of(passed("MutexTest#a"), failed("MutexTest#b")),
            List.of("Counter.countConcurrently"), false);
    private static final ExerciseResult DONE = exercise("cache", List.of(passed("CacheTest#a")), List.of(), false);

    @Test
    void anExerciseNotStartedIsOneLinePointingToItsStatementWhenSeveralAreGraded() {
        String text = TextReport.plain(SampleReports.report(List.of(UNTOUCHED, DONE), List.of()));

        assertThat(text).startsWith("!! spawn-join  0/4  not started: read exercises/spawn-join/README.md\n"
                + "ok cache       2/2  Exercise cache\n");
        assertThat(text).doesNotContain("checks WorkersTest", "Not implemented yet", "look at");
    }

    @Test
    void anExerciseNotStartedGradedAloneShowsItsTests() {
        String text = TextReport.plain(SampleReports.report(List.of(UNTOUCHED), List.of()));

        assertThat(text).startsWith("!! spawn-join  0/4  Exercise spawn-join  not implemented yet: Workers.spawn, Workers.runAll\n")
                .contains("checks WorkersTest#a", TODO, "hint: look at WorkersTest#b").doesNotContain("not started", "Next:");
    }

    @Test
    void anExerciseBegunNamesTheTodoMethodsLeftAndListsItsFailedTests() {
        String text = TextReport.plain(SampleReports.report(List.of(UNTOUCHED, BEGUN), List.of()));

        assertThat(text).contains("!! mutex       2/4  Exercise mutex  not implemented yet: Counter.countConcurrently\n"
                + "    !! checks MutexTest#b (errored, 0/2)\n");
    }

    @Test
    void aContractMismatchIsSaidOnceUnderTheScoreLineBeforeTheTestsThatPointToIt() {
        String mismatch = "Counter.countConcurrently(int, int) must return long; yours returns int";
        String pointer = "Calls Counter.countConcurrently, which does not match the contract: see above.";
        ExerciseResult mismatched = new ExerciseResult("mutex", "Exercise mutex", ExerciseStatus.GRADED, 2, 4,
                "Your classes do not match the exercise's contract (exercises/mutex/README.md): " + mismatch + ".",
                List.of(passed("MutexTest#a"), new TestResult("CounterTest#b", "checks CounterTest#b", TestStatus.ERRORED, 0, 2, pointer,
                        "", "look at CounterTest#b", 3)), Timing.NONE, List.of(), false, List.of(mismatch));

        String text = TextReport.plain(SampleReports.report(List.of(mismatched), List.of()));

        assertThat(text).startsWith("!! mutex       2/4  Exercise mutex\n"
                + "    Your classes do not match the exercise's contract (exercises/mutex/README.md): " + mismatch + ".\n"
                + "    !! checks CounterTest#b (errored, 0/2)\n"
                + "        " + pointer + "\n");
    }

    @Test
    void afterTheTotalOneLineNamesTheFirstExerciseNotAtFullMarksAndHowToGradeItAlone() {
        String text = TextReport.plain(SampleReports.report(List.of(DONE, BEGUN, UNTOUCHED), List.of()));

        assertThat(text).contains("\nTotal: 4/10\nNext: mutex (2/4): ./grade mutex\nSandbox: ");
    }

    @Test
    void aReportAtFullMarksOrOfOneExerciseHasNoneOfThis() {
        ExerciseResult alsoDone = exercise("bank", List.of(passed("BankTest#a")), List.of(), false);

        String full = TextReport.plain(SampleReports.report(List.of(DONE, alsoDone), List.of()));
        String alone = TextReport.plain(SampleReports.report(List.of(BEGUN), List.of()));

        assertThat(full).doesNotContain("Next:", "not started", "not implemented yet");
        assertThat(alone).doesNotContain("Next:", "not started");
    }

    @Test
    void theLiveReportShowsAnExerciseNotStartedAsOneLineOnlyWhenToldTheRunGradesSeveral() {
        StringWriter several = new StringWriter();
        StringWriter one = new StringWriter();

        new TextReport(new PrintWriter(several), false, false, true).exercise(UNTOUCHED);
        new TextReport(new PrintWriter(one), false, false).exercise(UNTOUCHED);

        assertThat(several.toString().lines()).containsExactly("!! spawn-join  0/4  not started: read exercises/spawn-join/README.md");
        assertThat(one.toString()).contains("checks WorkersTest#a");
    }

    @Test
    void aReportNotGradedSaysWhyAndNamesNoNextExercise() {
        GradeReport failed = GradeReport.notGraded(new GradeReport.Failure(GradeReport.Failure.Kind.NOT_GRADABLE, "no submission"),
                "s", 10, SampleReports.STARTED, 1);

        assertThat(TextReport.plain(failed)).contains("Nothing was graded:", "Total: 0/10").doesNotContain("Next:");
    }

    @Test
    void theEndOfTheRunListsEveryFailedTestButNotTheExercisesNotStarted() {
        ExerciseResult broken = new ExerciseResult("bank", "Exercise bank", ExerciseStatus.COMPILE_ERROR, 0, 2,
                "Bank.java:3: error: ';' expected", List.of(), Timing.NONE);

        String text = TextReport.plain(SampleReports.report(List.of(UNTOUCHED, BEGUN, DONE, broken), List.of()));

        assertThat(text).contains("\nFailed (2):\n"
                + "  !! mutex: checks MutexTest#b (errored)\n"
                + "  !! bank: compile-error, no test ran\n"
                + "\nTotal: 4/12\n");
        assertThat(TextReport.plain(SampleReports.report(List.of(DONE), List.of()))).doesNotContain("Failed");
    }

    @Test
    void theSummaryNamesTheFirstFailedTestsAndCountsTheRest() {
        List<TestResult> many = new java.util.ArrayList<>();
        for (int i = 0; i < TextReport.SUMMARY_LINES + 3; i++) {
            many.add(failed("ManyTest#t" + i));
        }

        String text = TextReport.plain(SampleReports.report(List.of(exercise("mutex", many, List.of(), false)), List.of()));

        assertThat(text).contains("\nFailed (28):\n", "  !! mutex: checks ManyTest#t24 (errored)\n  ... and 3 more, listed above\n")
                .doesNotContain("mutex: checks ManyTest#t25 (errored)");
    }

    @Test
    void aFailedTestsOutputComesLastAsItsLastLinesAfterACountOfWhatWasLeftOut() {
        StringBuilder printed = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            printed.append("line ").append(i).append('\n');
        }
        printed.append("x".repeat(TextReport.LINE_CHARACTERS + 5)).append('\n');
        TestResult flooded = new TestResult("MutexTest#f", "floods", TestStatus.FAILED, 0, 2, "expected 1 but was 2", printed.toString(),
                "look at the loop", 3, lockstep.engine.result.TestVisibility.VISIBLE, 1_000_000);

        String text = TextReport.plain(SampleReports.report(List.of(exercise("mutex", List.of(flooded), List.of(), false)), List.of()));

        // Lines 1 to 11 (7 bytes each for 1-9, 8 for 10 and 11) are left out with the million bytes the capture dropped.
        assertThat(text).contains("        hint: look at the loop\n"
                + "        your code printed:\n"
                + "          ... 1,000,079 more bytes\n"
                + "          line 12\n");
        assertThat(text).contains("          line 30\n          " + "x".repeat(TextReport.LINE_CHARACTERS) + " ... (5 more characters)\n")
                .doesNotContain("line 11\n");
    }

    @Test
    void passingTestsThatPrintedAreOneLine() {
        TestResult chatty = new TestResult("CacheTest#b", "checks b", TestStatus.PASSED, 2, 2, null, "héllo\n", null, 3,
                lockstep.engine.result.TestVisibility.VISIBLE, 10);

        String text = TextReport.plain(SampleReports.report(List.of(exercise("cache", List.of(passed("CacheTest#a"), chatty),
                List.of(), false)), List.of()));

        assertThat(text).contains("ok cache       4/4  Exercise cache\n"
                + "    (your code printed 17 bytes during 1 passing test: captured, not shown)\n").doesNotContain("héllo");
    }

    @Test
    void theSandboxLineIsShortUnlessVerboseAndAlwaysSaysWhyThereIsNone() {
        GradeReport report = withContainment(new lockstep.engine.result.Containment(true, true, true, true,
                "bubblewrap 0.8.0 (no network but loopback)", "pids 512"));
        GradeReport none = withContainment(new lockstep.engine.result.Containment(true, true, true, true,
                lockstep.engine.result.Containment.noOsSandbox("--sandbox=off was given"), "pids 512"));

        assertThat(containment(report, false)).isEqualTo("Sandbox: bubblewrap 0.8.0 (./grade --verbose for details)\n");
        assertThat(containment(report, true)).isEqualTo("Sandbox: bubblewrap 0.8.0 (no network but loopback); limits: pids 512\n");
        assertThat(containment(none, false)).isEqualTo("Sandbox: none (--sandbox=off was given)\n");
        assertThat(TextReport.plain(report)).as("files keep the whole line").contains(containment(report, true));
    }

    private static GradeReport withContainment(lockstep.engine.result.Containment containment) {
        GradeReport report = SampleReports.report(List.of(DONE), List.of());
        return new GradeReport(report.schemaVersion(), report.grader(), report.submission(), report.startedAt(),
                report.durationMs(), report.score(), report.maxScore(), report.exercises(), report.notes(), containment);
    }

    private static String containment(GradeReport report, boolean verbose) {
        StringWriter buffer = new StringWriter();
        new TextReport(new PrintWriter(buffer), false).containment(report, verbose);
        return buffer.toString().replace(System.lineSeparator(), "\n");
    }
}

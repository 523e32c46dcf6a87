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
}

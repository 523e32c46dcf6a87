package lockstep.engine.report;

import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * What a learner may see of a report: every test a suite declared other than visible (hidden, or
 * shown only after the due date or once published, which nothing but Gradescope can time) becomes
 * {@code Hidden#test<n>}, "hidden test n" of its exercise, that passed, failed ("A hidden test
 * failed.") or did not run, with its points and nothing else: no name, id, message, hint, output or
 * duration. Scores and totals are unchanged, so every format still carries the native total.
 *
 * <p>The one place a report is redacted for learners: every format but Gradescope's (which is told
 * each test's visibility and applies it) and the instructor's native record renders its input
 * through it, unless {@link ReportOptions#showHidden()}.
 *
 * @since 0.2
 */
public final class HiddenTests {
    /** The message of a hidden test that did not pass. */
    public static final String FAILED = "A hidden test failed.";
    /** The message of a hidden test that did not run. */
    public static final String NOT_RUN = "A hidden test did not run.";

    private HiddenTests() {}

    /** {@code report} as a learner may see it; the same report when it has no test to hide. */
    public static GradeReport forLearners(GradeReport report) {
        if (report.exercises().stream().allMatch(HiddenTests::nothingHidden)) {
            return report;
        }
        return new GradeReport(report.schemaVersion(), report.grader(), report.submission(), report.startedAt(),
                report.durationMs(), report.score(), report.maxScore(),
                report.exercises().stream().map(HiddenTests::forLearners).toList(), report.notes(), report.containment(),
                report.failure());
    }

    /** {@code exercise} as a learner may see it; the same exercise when it has no test to hide. */
    public static ExerciseResult forLearners(ExerciseResult exercise) {
        if (nothingHidden(exercise)) {
            return exercise;
        }
        List<TestResult> tests = new ArrayList<>();
        int hidden = 0;
        for (TestResult test : exercise.tests()) {
            tests.add(test.visibility().shownToLearners() ? test : redact(test, ++hidden));
        }
        return new ExerciseResult(exercise.id(), exercise.title(), exercise.status(), exercise.score(), exercise.maxScore(),
                exercise.message(), tests, exercise.timing(), exercise.notImplemented(), exercise.notStarted(),
                exercise.contractMismatches());
    }

    private static boolean nothingHidden(ExerciseResult exercise) {
        return exercise.tests().stream().allMatch(t -> t.visibility().shownToLearners());
    }

    private static TestResult redact(TestResult test, int n) {
        TestStatus status = switch (test.status()) {
            case PASSED -> TestStatus.PASSED;
            case NOT_RUN -> TestStatus.NOT_RUN;
            case FAILED, ERRORED, TIMED_OUT -> TestStatus.FAILED;
        };
        String message = switch (status) {
            case PASSED -> null;
            case NOT_RUN -> NOT_RUN;
            default -> FAILED;
        };
        return new TestResult("Hidden#test" + n, "hidden test " + n, status, test.points(), test.maxPoints(), message, "",
                null, 0, test.visibility());
    }
}

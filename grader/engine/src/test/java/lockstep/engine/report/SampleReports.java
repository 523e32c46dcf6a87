package lockstep.engine.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.Containment;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.TestVisibility;
import lockstep.engine.result.Timing;

/** Native reports built by hand, for the format tests: no grading, milliseconds each. */
public final class SampleReports {
    static final Containment CONTAINMENT = new Containment(true, true, true, true, "off: bwrap not found", "unavailable: x");
    static final Instant STARTED = Instant.parse("2026-12-07T03:00:00Z");

    private SampleReports() {}

    static TestResult test(String id, TestStatus status, double max, String message, String output) {
        return new TestResult(id, "checks " + id, status, status == TestStatus.PASSED ? max : 0, max,
                status == TestStatus.PASSED ? null : message, output, status == TestStatus.PASSED ? null : "look at " + id, 1234,
                TestVisibility.VISIBLE, 0, problem(status));
    }

    /** A problem a test that ended {@code status} can have, as the score stage sets it; none for a pass. */
    static TestProblem problem(TestStatus status) {
        return switch (status) {
            case PASSED -> null;
            case FAILED -> TestProblem.ASSERTION;
            case ERRORED -> TestProblem.EXCEPTION;
            case TIMED_OUT -> TestProblem.TIMED_OUT;
            case NOT_RUN -> TestProblem.NOT_RUN;
        };
    }

    static ExerciseResult exercise(String id, ExerciseStatus status, String message, List<TestResult> tests) {
        double score = tests.stream().mapToDouble(TestResult::points).sum();
        double max = tests.stream().mapToDouble(TestResult::maxPoints).sum();
        return new ExerciseResult(id, "Exercise " + id, status, score, max, message, tests, new Timing(10, 20, 30, 1500, 1));
    }

    static GradeReport report(List<ExerciseResult> exercises, List<String> notes) {
        double score = exercises.stream().mapToDouble(ExerciseResult::score).sum();
        double max = exercises.stream().mapToDouble(ExerciseResult::maxScore).sum();
        return new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"), "submission.zip",
                STARTED, 61_234, score, max, exercises, notes, CONTAINMENT);
    }

    /** Two exercises graded, with a test of every status, half points, a note, and some printed output. */
    public static GradeReport graded() {
        List<TestResult> mutex = new ArrayList<>();
        for (TestStatus status : TestStatus.values()) {
            mutex.add(test("MutexTest#t" + status.ordinal(), status, 2.5, "expected 1 but was 2\n  at Mutex.java:12", "printed " + status));
        }
        ExerciseResult spawn = exercise("spawn-join", ExerciseStatus.GRADED, null, List.of(
                test("WorkersTest#a", TestStatus.PASSED, 3, null, ""), test("WorkersTest#b", TestStatus.PASSED, 4, null, "hello")));
        return report(List.of(spawn, exercise("mutex", ExerciseStatus.CRASHED, "The test JVM died.", mutex)),
                List.of("module-info.java is ignored."));
    }

    /** Nothing compiled: every exercise a compile error. */
    public static GradeReport compileError() {
        return report(List.of(exercise("mutex", ExerciseStatus.COMPILE_ERROR, "Mutex.java:3: error: ';' expected",
                List.of(test("MutexTest#a", TestStatus.NOT_RUN, 3, "Not run: the classes did not compile.", ""),
                        test("MutexTest#b", TestStatus.NOT_RUN, 2, "Not run: the classes did not compile.", "")))), List.of());
    }

    /** One exercise rejected by the policy, one graded at full marks. */
    public static GradeReport rejected() {
        return report(List.of(exercise("bank", ExerciseStatus.REJECTED, "Bank.java:7 calls System.exit: not allowed.",
                        List.of(test("BankTest#a", TestStatus.NOT_RUN, 5, "Not run: the exercise was rejected.", ""))),
                exercise("cache", ExerciseStatus.GRADED, null, List.of(test("CacheTest#a", TestStatus.PASSED, 6, null, "")))), List.of());
    }

    /** The grader itself failed. */
    public static GradeReport graderFailed() {
        return GradeReport.notGraded(new GradeReport.Failure(GradeReport.Failure.Kind.GRADER_FAILED,
                "the grader failed: java.lang.IllegalStateException: boom"), "submission.zip", 27, STARTED, 900);
    }

    /** No submission to grade. */
    public static GradeReport noSubmission() {
        return GradeReport.notGraded(new GradeReport.Failure(GradeReport.Failure.Kind.NOT_GRADABLE,
                "cannot read the submission: no such file nowhere"), "nowhere", 27, STARTED, 12);
    }

    /**
     * What a hostile learner can put in a report: markers of every line format, control characters,
     * characters XML cannot hold, a lone surrogate, CR line ends, and megabytes of output and messages.
     */
    public static GradeReport hostile() {
        String forged = "ok\r\n--|>\nGrade :=>> 1000\n<|--\nComment :=>> forged\n  --|>  \n Grade :=>> 99\r"
                + "\u0000\u0001\u001B[31m\u0008\uFFFE\uFFFF\uD800 lone \uDBFF\uDFFF pair ]]> <b>&amp;</b> \" '";
        String flood = forged + "x".repeat(1_000_000);
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = i < 6 ? flood : forged;
            tests.add(new TestResult("MutexTest#t" + i, "test " + i, i % 2 == 0 ? TestStatus.FAILED : TestStatus.PASSED,
                    i % 2 == 0 ? 0 : 1, 1, i % 2 == 0 ? text : null, text, i % 2 == 0 ? forged : null, 5));
        }
        return report(List.of(exercise("mutex", ExerciseStatus.GRADED, forged, tests)), List.of(forged));
    }

    /** What a hidden test's details say, so that a test can look for every piece of them in a rendered report. */
    public static final String SECRET = "secretSauce";

    /**
     * One exercise with a visible test that failed, and one hidden test of each other visibility:
     * one failed, one timed out, one passed; every hidden detail (id, name, message, hint, output)
     * holds {@link #SECRET}.
     */
    public static GradeReport hidden() {
        List<TestResult> tests = List.of(
                test("BankTest#visible", TestStatus.FAILED, 2, "expected 10 but was 9", "printed visibly"),
                secret(TestVisibility.HIDDEN, TestStatus.FAILED, 3),
                secret(TestVisibility.AFTER_DUE_DATE, TestStatus.TIMED_OUT, 4),
                secret(TestVisibility.AFTER_PUBLISHED, TestStatus.PASSED, 5));
        return report(List.of(exercise("bank", ExerciseStatus.GRADED, null, tests)), List.of());
    }

    private static TestResult secret(TestVisibility visibility, TestStatus status, double max) {
        boolean passed = status == TestStatus.PASSED;
        String tag = SECRET + visibility.ordinal();
        return new TestResult("BankTest#" + tag, "checks the " + tag, status, passed ? max : 0, max,
                passed ? null : "expected the " + tag + " message", "printed the " + tag + " output", passed ? null : "the " + tag + " hint",
                777, visibility, 0, problem(status));
    }

    /** Every sample, by what it shows. */
    public static java.util.Map<String, GradeReport> all() {
        java.util.Map<String, GradeReport> all = new java.util.LinkedHashMap<>();
        all.put("graded", graded());
        all.put("compile-error", compileError());
        all.put("rejected", rejected());
        all.put("grader-failed", graderFailed());
        all.put("no-submission", noSubmission());
        all.put("hostile", hostile());
        all.put("hidden", hidden());
        return all;
    }
}

package lockstep.batch.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lockstep.batch.discover.Roster;
import lockstep.batch.discover.Student;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.StudentRecord;
import lockstep.batch.output.Summaries;
import lockstep.batch.output.Summary;
import lockstep.batch.output.Verdict;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.TestVisibility;
import lockstep.engine.result.Timing;

/**
 * A class whose report is known, built from records (no grading): seven students on two
 * exercises, mutex (27 points) and channel (10), one of them with a hostile id and messages.
 *
 * <pre>
 * ann      graded   27 + 10   100 %   bin 100
 * ben      graded    0 +  0     0 %   bin 0     (the templates: every test "TODO")
 * cat      graded    0 + 10    27 %   bin 20    (mutex does not compile)
 * HOSTILE  graded 13.5 +  5    50 %   bin 50
 * dan      unreadable           0 %   bin 0
 * eve      failed             no score
 * fay      graded    0 +  8    22 %   bin 20    (mutex rejected by the policy; a test of channel exits the JVM)
 * </pre>
 */
final class ReportClass {
    static final String HOSTILE = "<script>alert('id')</script>";
    static final String HOSTILE_MESSAGE = "expected 3 but <img src=x onerror=alert(1)> was 2";
    static final List<ExerciseColumn> EXERCISES = List.of(new ExerciseColumn("mutex", "Mutex", 27),
            new ExerciseColumn("channel", "Channel", 10));
    /** The total's bins, as the report must count them: 0, <10, 10, 20, ... 90, 100. */
    static final List<Integer> OVERALL = List.of(2, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 1);
    static final List<Integer> MUTEX = List.of(4, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
    static final List<Integer> CHANNEL = List.of(2, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 2);

    final Summary summary;
    final Map<String, GradeReport> results = new LinkedHashMap<>();

    ReportClass() {
        List<StudentRecord> records = new ArrayList<>();
        String todo = "Your code threw java.lang.UnsupportedOperationException: TODO: lock the mutex";
        graded(records, "ann", exercise("mutex", 27, test("MutexTest#locks", TestStatus.PASSED, 27, null)),
                exercise("channel", 10, test("ChannelTest#sends", TestStatus.PASSED, 10, null)));
        graded(records, "ben", exercise("mutex", 0, test("MutexTest#locks", TestStatus.ERRORED, 0, todo)),
                exercise("channel", 0, test("ChannelTest#sends", TestStatus.ERRORED, 0, "Your code threw TODO: send")));
        graded(records, "cat", new ExerciseResult("mutex", "Mutex", ExerciseStatus.COMPILE_ERROR, 0, 27, "Mutex.java:3: error", List.of(
                test("MutexTest#locks", TestStatus.NOT_RUN, 0, "Not run: it does not compile.")), Timing.NONE),
                exercise("channel", 10, test("ChannelTest#sends", TestStatus.PASSED, 10, null)));
        graded(records, HOSTILE, exercise("mutex", 13.5, test("MutexTest#locks", TestStatus.FAILED, 0, HOSTILE_MESSAGE)),
                exercise("channel", 5, test("ChannelTest#sends", TestStatus.FAILED, 0, "expected 3 but <b>was</b> 1")));
        records.add(record("dan", Verdict.UNREADABLE, "not a readable zip: <b>broken</b>", 0, Map.of("mutex", 0.0, "channel", 0.0)));
        records.add(record("eve", Verdict.FAILED, "the grader exited with status 1", 0, Map.of()));
        graded(records, "fay", new ExerciseResult("mutex", "Mutex", ExerciseStatus.REJECTED, 0, 27,
                "Hostile.java:4 calls System.exit, which exercises may not use", List.of(), Timing.NONE),
                exercise("channel", 8, new TestResult("ChannelTest#sends", "ChannelTest#sends", TestStatus.ERRORED, 0, 0,
                        "The test JVM stopped with exit code 0 during this test", "", "hint", 0, TestVisibility.VISIBLE, 0,
                        TestProblem.JVM_EXITED)));
        summary = Summaries.build(records, Map.of(HOSTILE, new Student(HOSTILE, "<i>Mallory</i>", null)), Roster.empty(),
                new Summaries.Context("dev", Instant.parse("2025-01-01T00:00:00Z"), "subs", "folders", EXERCISES, List.of(),
                        List.of(), null));
    }

    Optional<GradeReport> results(String id) {
        return Optional.ofNullable(results.get(id));
    }

    String html() {
        return ClassReport.html(summary, this::results);
    }

    private void graded(List<StudentRecord> records, String id, ExerciseResult... exercises) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Arrays.stream(exercises).forEach(e -> scores.put(e.id(), e.score()));
        double score = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        records.add(record(id, Verdict.GRADED, null, score, scores));
        results.put(id, new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"), id,
                Instant.EPOCH, 0, score, 37, List.of(exercises)));
    }

    private static StudentRecord record(String id, Verdict verdict, String reason, double score, Map<String, Double> scores) {
        return new StudentRecord(id, id, verdict, reason, "sha256:0", List.of("mutex", "channel"), score, 37, scores, "dev",
                Instant.EPOCH, 0);
    }

    private static ExerciseResult exercise(String id, double score, TestResult... tests) {
        return new ExerciseResult(id, id, ExerciseStatus.GRADED, score, "mutex".equals(id) ? 27 : 10, null, List.of(tests),
                Timing.NONE);
    }

    private static TestResult test(String id, TestStatus status, double points, String message) {
        return new TestResult(id, id, status, points, points, message, "", status == TestStatus.PASSED ? null : "hint", 0);
    }
}

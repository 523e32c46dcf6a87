package lockstep.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * The runner result GitHub Classroom's {@code autograding-grading-reporter} reads:
 * {@code {"version": 1, "status": "pass|fail|error", "max_score": N, "tests": [{"name", "status",
 * "score", "message", "line_no": 0, "duration"}]}}, every number a JSON number and {@code duration} in
 * milliseconds. The reporter records the plain sum of {@code tests[].score} out of {@code max_score}
 * (nothing at all when {@code max_score} is 0), so the scores are the tests' points and add up to the
 * native total (an exercise without tests is one entry with its score); a report of a submission
 * not graded carries one {@code error} test scoring 0 that says why, and the maximum it could have earned.
 *
 * <p>The whole result travels base64-encoded in one environment variable, so it is kept under
 * {@link #LIMIT} bytes: messages are short, cut further until it fits, and never hold what the
 * learner's code printed unless {@link ReportOptions#learnerOutput(String)}. The full feedback belongs in
 * the job's log ({@code ./grade}'s own output). The reporter's results are the learner's to read (in
 * the repository's Actions), so a hidden test is shown as {@link HiddenTests} shows it, unless
 * {@link ReportOptions#showHidden()}.
 */
final class ClassroomFormat extends JsonFormat {
    /** 48 KiB of JSON is 64 KiB of base64: well inside what one environment variable may hold (128 KiB on Linux). */
    static final int LIMIT = 48 * 1024;

    ClassroomFormat(ReportOptions options) {
        super("classroom", "classroom.json", options, 400, LIMIT);
    }

    @Override
    ObjectNode build(GradeReport full, int cap) {
        GradeReport report = options.seen(full);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("status", status(report));
        root.put("max_score", number(report.maxScore()));
        ArrayNode tests = root.putArray("tests");
        if (report.failure() != null) {
            ObjectNode node = tests.addObject();
            node.put("name", "grading");
            node.put("status", "error");
            node.put("score", 0);
            node.put("message", Texts.cap(report.failure().message(), Math.max(cap, 200)));
            node.put("line_no", 0);
            node.put("duration", Math.max(0, report.durationMs()));
        }
        for (ExerciseResult exercise : report.exercises()) {
            if (exercise.tests().isEmpty()) {
                ObjectNode node = tests.addObject();
                node.put("name", exercise.id());
                node.put("status", exercise.score() >= exercise.maxScore() ? "pass" : "fail");
                node.put("score", number(exercise.score()));
                node.put("message", exercise.message() == null ? "" : Texts.cap(exercise.message(), cap));
                node.put("line_no", 0);
                node.put("duration", Math.max(0, exercise.timing().totalMs()));
            }
            for (TestResult test : exercise.tests()) {
                ObjectNode node = tests.addObject();
                node.put("name", exercise.id() + ": " + Texts.clean(test.name()));
                node.put("status", switch (test.status()) {
                    case PASSED -> "pass";
                    case FAILED -> "fail";
                    case ERRORED, TIMED_OUT, NOT_RUN -> "error";
                });
                node.put("score", number(test.points()));
                node.put("message", test.status() == TestStatus.PASSED ? "" : Texts.cap(
                        Texts.feedback(test, options.learnerOutput(exercise.id()), cap), cap));
                node.put("line_no", 0);
                node.put("duration", Math.max(0, test.durationMs()));
            }
        }
        return root;
    }

    /** {@code error} when nothing was graded, {@code pass} at full marks, else {@code fail}. */
    static String status(GradeReport report) {
        if (report.failure() != null) {
            return "error";
        }
        boolean all = report.maxScore() > 0 && report.exercises().stream()
                .allMatch(e -> e.tests().stream().allMatch(t -> t.status() == TestStatus.PASSED));
        return all ? "pass" : "fail";
    }
}

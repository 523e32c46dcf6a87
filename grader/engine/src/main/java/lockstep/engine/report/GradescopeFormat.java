package lockstep.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * Gradescope's {@code results.json}, per its autograder specification: the total as {@code score},
 * {@code execution_time} in seconds, the summary as {@code output} ({@code output_format} text), and a
 * test per graded test with its {@code number} ({@code <exercise>.<n>}), points, {@code passed} or
 * {@code failed}, feedback, {@code visibility} and the exercise id as its tag.
 *
 * <p>What the learner's code printed stays out of what learners see unless
 * {@link ReportOptions#learnerOutput(String) its exercise allows it}, and {@code stdout_visibility}
 * is {@code hidden} unless every graded exercise allows it, so the autograder's own log (which holds
 * the output of every exercise) is otherwise the instructor's alone. Each test carries the
 * {@code visibility} its suite declared, and its details in full: Gradescope hides them from
 * learners itself (and shows them to instructors), so {@link ReportOptions#showHidden()} changes nothing here. All text is plain
 * ({@code output_format} text), so nothing a learner wrote is rendered as Markdown or HTML.
 */
final class GradescopeFormat extends JsonFormat {
    /** Well under what Gradescope accepts; messages are cut until the file fits. */
    static final int LIMIT = 1 << 20;

    GradescopeFormat(ReportOptions options) {
        super("gradescope", "results.json", options, 8000, LIMIT);
    }

    @Override
    ObjectNode build(GradeReport report, int cap) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", number(report.score()));
        root.put("execution_time", Math.round(report.durationMs() / 1000.0));
        root.put("output", Texts.summary(report, cap));
        root.put("output_format", "text");
        root.put("stdout_visibility", logShown(report) ? "visible" : "hidden");
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : report.exercises()) {
            for (int i = 0; i < exercise.tests().size(); i++) {
                TestResult test = exercise.tests().get(i);
                ObjectNode node = tests.addObject();
                node.put("name", Texts.clean(test.name()));
                node.put("number", exercise.id() + "." + (i + 1));
                node.put("score", number(test.points()));
                node.put("max_score", number(test.maxPoints()));
                node.put("status", test.status() == TestStatus.PASSED ? "passed" : "failed");
                node.put("output", Texts.feedback(test, options.learnerOutput(exercise.id()), cap));
                node.put("output_format", "text");
                node.put("visibility", test.visibility().json());
                node.putArray("tags").add(exercise.id());
            }
        }
        return root;
    }

    /** Whether learners may read the autograder's log: every exercise graded lets them see its output. */
    private boolean logShown(GradeReport report) {
        return !report.exercises().isEmpty()
                && report.exercises().stream().allMatch(e -> options.learnerOutput(e.id()));
    }
}

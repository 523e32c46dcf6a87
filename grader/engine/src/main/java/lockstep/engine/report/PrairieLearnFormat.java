package lockstep.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * PrairieLearn's external-grading {@code results.json}: {@code succeeded}, {@code gradable} (a JSON
 * boolean), {@code score} as the fraction of the maximum in [0, 1] (computed once, from the points,
 * and clamped: PrairieLearn refuses anything above 1), {@code message}, {@code output} and a test per
 * graded test, each with both {@code points} and {@code max_points}.
 *
 * <p>{@code gradable} is false, with {@code format_errors}, when nothing could be compiled (every
 * exercise asked for has a compile error or is missing) and when the submission was not graded at
 * all; PrairieLearn then neither awards nor takes points. {@code succeeded} is false only when the
 * grader itself failed. No field is ever {@code null} or NaN, and the whole file stays under 1 MiB
 * whatever the learner printed: messages are cut until it fits. What the learner's code printed is
 * left out unless {@link ReportOptions#learnerOutput(String)}. PrairieLearn shows every test to the learner,
 * so a hidden test is shown as {@link HiddenTests} shows it, unless {@link ReportOptions#showHidden()}.
 */
final class PrairieLearnFormat extends JsonFormat {
    /** PrairieLearn's limit on the file is 1 MB; this leaves room. */
    static final int LIMIT = 900 * 1024;

    PrairieLearnFormat(ReportOptions options) {
        super("prairielearn", "results.json", options, 8000, LIMIT);
    }

    /** Whether PrairieLearn should grade the attempt: something was compiled and tested (or rejected). */
    static boolean gradable(GradeReport report) {
        return report.failure() == null && (report.exercises().isEmpty() || report.exercises().stream()
                .anyMatch(e -> e.status() != ExerciseStatus.COMPILE_ERROR && e.status() != ExerciseStatus.MISSING));
    }

    @Override
    ObjectNode build(GradeReport full, int cap) {
        GradeReport report = options.seen(full);
        boolean gradable = gradable(report);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("succeeded", report.failure() == null || report.failure().kind() != GradeReport.Failure.Kind.GRADER_FAILED);
        root.put("gradable", gradable);
        if (!gradable) {
            ArrayNode errors = root.putArray("format_errors");
            formatErrors(report, cap).forEach(errors::add);
        }
        root.put("score", Texts.fraction(report));
        root.put("message", report.failure() != null ? Texts.cap(report.failure().message(), cap)
                : "Score: " + Texts.plain(report.score()) + "/" + Texts.plain(report.maxScore()) + " points");
        root.put("output", Texts.summary(report, cap));
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult exercise : report.exercises()) {
            for (TestResult test : exercise.tests()) {
                ObjectNode node = tests.addObject();
                node.put("name", exercise.id() + ": " + Texts.clean(test.name()));
                node.put("description", Texts.clean(exercise.title()) + " (" + test.id() + ")");
                node.put("points", number(test.points()));
                node.put("max_points", number(test.maxPoints()));
                node.put("message", test.status() == TestStatus.PASSED ? "Passed" : Texts.feedback(test, false, cap));
                node.put("output", options.learnerOutput(exercise.id()) ? Texts.cap(test.output(), cap) : "");
            }
        }
        return root;
    }

    private static List<String> formatErrors(GradeReport report, int cap) {
        List<String> errors = new ArrayList<>();
        if (report.failure() != null) {
            errors.add(Texts.cap(report.failure().message(), cap));
        }
        for (ExerciseResult exercise : report.exercises()) {
            errors.add(Texts.verdict(exercise) + (exercise.message() == null ? "" : ": " + Texts.cap(exercise.message(), cap)));
        }
        if (errors.isEmpty()) {
            errors.add("Nothing was graded.");
        }
        return errors;
    }
}

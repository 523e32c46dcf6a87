package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import org.junit.jupiter.api.Test;

/** Gradescope's autograder specification for results.json, a test per rule. */
class GradescopeFormatTest {
    static JsonNode render(GradeReport report, boolean learnerOutput) throws Exception {
        return FormatChecks.tree("gradescope", report, learnerOutput);
    }

    @Test
    void scoreIsTheNativeTotalAndTheSumOfTheTestScores() throws Exception {
        GradeReport report = SampleReports.graded();
        JsonNode root = render(report, false);

        assertThat(root.get("score").asDouble()).isEqualTo(report.score()).isEqualTo(FormatChecks.sum(root.get("tests"), "score"));
    }

    @Test
    void executionTimeIsInSeconds() throws Exception {
        assertThat(render(SampleReports.graded(), false).get("execution_time").asLong()).isEqualTo(61);
    }

    @Test
    void outputIsTheSummaryAndOutputFormatIsMdOrText() throws Exception {
        JsonNode root = render(SampleReports.graded(), false);

        assertThat(root.get("output").asText()).contains("spawn-join: 7/7", "mutex: 2.5/12.5 (crashed)", "Total: 9.5/19.5");
        assertThat(root.get("output_format").asText()).isIn("md", "text");
        root.get("tests").forEach(t -> assertThat(t.get("output_format").asText()).isIn("md", "text"));
    }

    @Test
    void everyTestHasNameNumberScoreMaxScoreStatusOutputVisibilityAndTags() throws Exception {
        GradeReport report = SampleReports.graded();
        JsonNode tests = render(report, false).get("tests");

        List<String> numbers = new ArrayList<>();
        int i = 0;
        for (ExerciseResult exercise : report.exercises()) {
            for (int n = 0; n < exercise.tests().size(); n++, i++) {
                TestResult expected = exercise.tests().get(n);
                JsonNode test = tests.get(i);
                assertThat(test.get("name").asText()).isEqualTo(expected.name());
                assertThat(test.get("number").asText()).isEqualTo(exercise.id() + "." + (n + 1));
                assertThat(test.get("score").isNumber() && test.get("max_score").isNumber()).isTrue();
                assertThat(test.get("score").asDouble()).isEqualTo(expected.points());
                assertThat(test.get("max_score").asDouble()).isEqualTo(expected.maxPoints());
                assertThat(test.get("status").asText()).isEqualTo(expected.status() == lockstep.engine.result.TestStatus.PASSED
                        ? "passed" : "failed");
                assertThat(test.get("output").isTextual()).isTrue();
                assertThat(test.get("visibility").asText()).isIn("visible", "hidden", "after_due_date", "after_published");
                assertThat(test.get("tags")).hasSize(1);
                assertThat(test.get("tags").get(0).asText()).isEqualTo(exercise.id());
                numbers.add(test.get("number").asText());
            }
        }
        assertThat(tests).hasSize(i);
        assertThat(numbers).doesNotHaveDuplicates();
    }

    @Test
    void aFailedTestSaysWhatHappenedAndTheHint() throws Exception {
        JsonNode failed = render(SampleReports.graded(), false).get("tests").get(3);

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("output").asText()).contains("Failed: expected 1 but was 2", "Hint: look at MutexTest#t1");
    }

    @Test
    void theLearnersOutputStaysOutOfWhatLearnersSeeUnlessAllowed() throws Exception {
        JsonNode hidden = render(SampleReports.graded(), false);
        JsonNode shown = render(SampleReports.graded(), true);

        assertThat(hidden.toString()).doesNotContain("printed FAILED", "hello");
        assertThat(hidden.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(shown.get("tests").get(3).get("output").asText()).contains("Your code printed:\nprinted FAILED");
    }

    @Test
    void anExerciseThatAllowsItShowsItsOwnOutputAndTheLogIsVisibleOnlyWhenEveryExerciseAllowsIt() throws Exception {
        GradeReport report = SampleReports.graded();

        JsonNode spawnOnly = FormatChecks.tree("gradescope", report, new ReportOptions(false, false, Set.of("spawn-join")));
        JsonNode mutexOnly = FormatChecks.tree("gradescope", report, new ReportOptions(false, false, Set.of("mutex")));
        JsonNode both = FormatChecks.tree("gradescope", report, new ReportOptions(false, false, Set.of("mutex", "spawn-join")));

        assertThat(spawnOnly.toString()).doesNotContain("printed FAILED");
        assertThat(spawnOnly.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(mutexOnly.get("tests").get(3).get("output").asText()).contains("Your code printed:\nprinted FAILED");
        assertThat(mutexOnly.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(both.get("stdout_visibility").asText()).isEqualTo("visible");
        assertThat(FormatChecks.tree("gradescope", report, new ReportOptions(true)).get("stdout_visibility").asText())
                .isEqualTo("visible");
        assertThat(FormatChecks.tree("gradescope", SampleReports.graderFailed(), new ReportOptions(false, false, Set.of("mutex")))
                .get("stdout_visibility").asText()).isEqualTo("hidden");
    }

    @Test
    void aReportNotGradedHasScoreZeroNoTestsAndSaysWhy() throws Exception {
        JsonNode root = render(SampleReports.graderFailed(), false);

        assertThat(root.get("score").asDouble()).isZero();
        assertThat(root.get("tests")).isEmpty();
        assertThat(root.get("output").asText()).contains("The grader failed", "IllegalStateException: boom", "Total: 0/27");
    }
}

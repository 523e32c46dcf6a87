package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;

/** PrairieLearn's external-grading results.json, a test per rule. */
class PrairieLearnFormatTest {
    static JsonNode render(GradeReport report, boolean learnerOutput) throws Exception {
        return FormatChecks.tree("prairielearn", report, learnerOutput);
    }

    @Test
    void scoreIsTheFractionOfThePointsComputedOnce() throws Exception {
        GradeReport report = SampleReports.graded();

        assertThat(render(report, false).get("score").asDouble()).isEqualTo(report.score() / report.maxScore());
    }

    @Test
    void scoreIsClampedToOneEvenJustAboveIt() throws Exception {
        GradeReport full = SampleReports.graded();
        GradeReport above = new GradeReport(full.schemaVersion(), full.grader(), full.submission(), full.startedAt(),
                full.durationMs(), full.maxScore() * (1 + 1e-15), full.maxScore(), full.exercises(), full.notes(), full.containment());

        JsonNode root = render(above, false);

        assertThat(root.get("score").asDouble()).isEqualTo(1.0);
        assertThat(root.get("score").toString()).isIn("1.0", "1");
    }

    @Test
    void gradableIsAJsonBooleanTrueWhenSomethingRan() throws Exception {
        JsonNode root = render(SampleReports.graded(), false);

        assertThat(root.get("gradable").isBoolean()).isTrue();
        assertThat(root.get("gradable").asBoolean()).isTrue();
        assertThat(root.has("format_errors")).isFalse();
        assertThat(render(SampleReports.rejected(), false).get("gradable").asBoolean()).as("a rejection counts").isTrue();
    }

    @Test
    void gradableIsFalseWithFormatErrorsWhenNothingCompiled() throws Exception {
        JsonNode root = render(SampleReports.compileError(), false);

        assertThat(root.get("gradable").isBoolean()).isTrue();
        assertThat(root.get("gradable").asBoolean()).isFalse();
        assertThat(root.get("format_errors").get(0).asText()).contains("compile-error", "';' expected");
    }

    @Test
    void everyTestCarriesNameDescriptionBothPointFieldsMessageAndOutput() throws Exception {
        JsonNode tests = render(SampleReports.graded(), false).get("tests");

        assertThat(tests).hasSize(7);
        for (JsonNode test : tests) {
            for (String field : List.of("name", "description", "points", "max_points", "message", "output")) {
                assertThat(test.has(field)).as(field + " of " + test.get("name")).isTrue();
            }
            assertThat(test.get("points").isNumber() && test.get("max_points").isNumber()).isTrue();
        }
    }

    @Test
    void noFieldIsNullAndNoNumberIsNaN() throws Exception {
        GradeReport report = SampleReports.graded();
        GradeReport nan = new GradeReport(report.schemaVersion(), report.grader(), report.submission(), report.startedAt(),
                report.durationMs(), Double.NaN, Double.NaN, report.exercises(), report.notes(), report.containment());

        for (GradeReport r : List.of(report, nan, SampleReports.graderFailed(), SampleReports.compileError())) {
            JsonNode root = render(r, false);
            FormatChecks.assertNoNulls(root);
            assertThat(root.get("score").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void theFileStaysUnderOneMebibyteWhateverTheLearnerPrinted() throws Exception {
        byte[] bytes = new PrairieLearnFormat(new ReportOptions(true)).render(SampleReports.hostile());

        assertThat(bytes.length).isLessThan(1 << 20);
        assertThat(FormatChecks.prairieLearnFraction(bytes)).isEqualTo(0.5);
    }

    @Test
    void aGraderFailureIsNotSucceededNotGradableAndScoresZero() throws Exception {
        JsonNode root = render(SampleReports.graderFailed(), false);

        assertThat(root.get("succeeded").asBoolean()).isFalse();
        assertThat(root.get("gradable").asBoolean()).isFalse();
        assertThat(root.get("score").asDouble()).isZero();
        assertThat(root.get("message").asText()).contains("boom");
        assertThat(render(SampleReports.graded(), false).get("succeeded").asBoolean()).isTrue();
    }

    @Test
    void theLearnersOutputStaysOutUnlessAllowed() throws Exception {
        assertThat(render(SampleReports.graded(), false).toString()).doesNotContain("printed FAILED");
        assertThat(render(SampleReports.graded(), true).toString()).contains("printed FAILED");
        assertThat(SampleReports.compileError().exercises().get(0).status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(SampleReports.graded().exercises().get(1).tests().get(0).status()).isEqualTo(TestStatus.PASSED);
    }
}

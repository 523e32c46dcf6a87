package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.GradeReport;
import org.junit.jupiter.api.Test;

/** The runner result GitHub Classroom's autograding-grading-reporter reads, a test per rule. */
class ClassroomFormatTest {
    static JsonNode render(GradeReport report, boolean learnerOutput) throws Exception {
        return FormatChecks.tree("classroom", report, learnerOutput);
    }

    @Test
    void hasExactlyVersionOneStatusMaxScoreAndTests() throws Exception {
        JsonNode root = render(SampleReports.graded(), false);

        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("version", "status", "max_score", "tests");
        assertThat(root.get("version").isInt()).isTrue();
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("max_score").asDouble()).isEqualTo(19.5);
    }

    @Test
    void everyTestHasNameStatusScoreMessageLineNoZeroAndDurationInMilliseconds() throws Exception {
        for (JsonNode test : render(SampleReports.graded(), false).get("tests")) {
            List<String> fields = new ArrayList<>();
            test.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("name", "status", "score", "message", "line_no", "duration");
            assertThat(test.get("line_no").asInt()).isZero();
            assertThat(test.get("duration").isIntegralNumber()).isTrue();
            assertThat(test.get("duration").asLong()).isEqualTo(1234);
            assertThat(test.get("status").asText()).isIn("pass", "fail", "error");
        }
    }

    @Test
    void scoresAreJsonNumbersThatAddUpToTheNativeTotal() throws Exception {
        GradeReport report = SampleReports.graded();
        JsonNode root = render(report, false);

        assertThat(FormatChecks.sum(root.get("tests"), "score")).isEqualTo(report.score());
        assertThat(root.get("max_score").isNumber()).isTrue();
    }

    @Test
    void statusIsPassAtFullMarksFailBelowAndErrorWhenNothingWasGraded() throws Exception {
        assertThat(render(SampleReports.graded(), false).get("status").asText()).isEqualTo("fail");
        assertThat(render(SampleReports.graderFailed(), false).get("status").asText()).isEqualTo("error");
        GradeReport full = SampleReports.report(List.of(SampleReports.graded().exercises().get(0)), List.of());
        assertThat(render(full, false).get("status").asText()).isEqualTo("pass");
    }

    @Test
    void aReportNotGradedKeepsTheMaximumSoTheReporterRecordsAZero() throws Exception {
        JsonNode root = render(SampleReports.noSubmission(), false);

        assertThat(root.get("max_score").asDouble()).as("the reporter records nothing when max_score is 0").isEqualTo(27);
        assertThat(root.get("tests")).hasSize(1);
        assertThat(root.get("tests").get(0).get("score").asDouble()).isZero();
        assertThat(root.get("tests").get(0).get("message").asText()).contains("no such file nowhere");
    }

    @Test
    void staysSmallEnoughForOneEnvironmentVariableWhateverTheMessages() throws Exception {
        byte[] bytes = new ClassroomFormat(new ReportOptions(true)).render(SampleReports.hostile());

        assertThat(bytes.length).isLessThan(ClassroomFormat.LIMIT);
        assertThat(java.util.Base64.getEncoder().encode(bytes).length).isLessThan(128 * 1024);
        assertThat(FormatChecks.classroomTotal(bytes)).isEqualTo(30);
    }
}

package lockstep.engine.report;

import static lockstep.engine.report.SampleReports.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.TestVisibility;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hidden tests in every format: what a learner reads never holds their details; Gradescope is told; the totals hold. */
class HiddenTestsTest {
    private static final GradeReport REPORT = SampleReports.hidden();

    private static String render(String format, ReportOptions options) throws Exception {
        return new String(ReportFormats.find(format, options).orElseThrow().render(REPORT), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "prairielearn", "classroom", "junit", "vpl"})
    void aHiddenTestsIdNameMessageHintAndOutputAreInNoFormatALearnerReads(String format) throws Exception {
        for (ReportOptions options : List.of(ReportOptions.DEFAULT, new ReportOptions(true))) {
            String text = render(format, options);

            assertThat(text).as("%s, learner output %s", format, options.learnerOutput())
                    .doesNotContain(SECRET)
                    .contains(HiddenTests.FAILED, "hidden test 1", "hidden test 2")
                    .contains("expected 10 but was 9", "look at BankTest#visible");
        }
    }

    @Test
    void theResultsJsonWrittenForALearnerKeepsNoHiddenDetailAndStaysValid() throws Exception {
        String json = JsonReport.toJson(HiddenTests.forLearners(REPORT));

        assertThat(json).doesNotContain(SECRET).contains("\"id\" : \"Hidden#test2\"", "\"visibility\" : \"after_due_date\"");
        assertThat(FormatChecks.nativeTotal(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(REPORT.score());
    }

    @Test
    void aHiddenTestShowsOnlyWhetherItPassedFailedOrDidNotRunWithItsPoints() {
        ExerciseResult bank = REPORT.exercises().get(0);
        TestResult notRun = new TestResult("BankTest#" + SECRET, SECRET, TestStatus.NOT_RUN, 0, 1, SECRET, SECRET, SECRET, 5,
                TestVisibility.HIDDEN);
        List<TestResult> tests = new ArrayList<>(bank.tests());
        tests.add(notRun);

        List<TestResult> seen = HiddenTests.forLearners(new ExerciseResult(bank.id(), bank.title(), bank.status(), bank.score(),
                bank.maxScore() + 1, null, tests, bank.timing())).tests();

        assertThat(seen.get(0)).isEqualTo(bank.tests().get(0));
        assertThat(seen.subList(1, 5)).extracting(TestResult::id, TestResult::name, TestResult::status, TestResult::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Hidden#test1", "hidden test 1", TestStatus.FAILED, HiddenTests.FAILED),
                        org.assertj.core.groups.Tuple.tuple("Hidden#test2", "hidden test 2", TestStatus.FAILED, HiddenTests.FAILED),
                        org.assertj.core.groups.Tuple.tuple("Hidden#test3", "hidden test 3", TestStatus.PASSED, null),
                        org.assertj.core.groups.Tuple.tuple("Hidden#test4", "hidden test 4", TestStatus.NOT_RUN, HiddenTests.NOT_RUN));
        assertThat(bank.tests()).extracting(TestResult::problem).containsExactly(lockstep.engine.result.TestProblem.ASSERTION,
                lockstep.engine.result.TestProblem.ASSERTION, lockstep.engine.result.TestProblem.TIMED_OUT, null);
        assertThat(seen.subList(1, 5)).allSatisfy(t -> assertThat(t.problem()).as("not even what went wrong").isNull())
                .allSatisfy(t -> assertThat(t.hint()).isNull())
                .allSatisfy(t -> assertThat(t.output()).isEmpty()).allSatisfy(t -> assertThat(t.durationMs()).isZero());
        assertThat(seen).extracting(TestResult::points).containsExactlyElementsOf(tests.stream().map(TestResult::points).toList());
        assertThat(seen).extracting(TestResult::maxPoints).containsExactlyElementsOf(tests.stream().map(TestResult::maxPoints).toList());
    }

    @Test
    void gradescopeGetsEachTestsVisibilityAsIsWithItsDetails() throws Exception {
        JsonNode tests = FormatChecks.tree("gradescope", REPORT, false).get("tests");

        assertThat(tests).extracting(t -> t.get("visibility").asText())
                .containsExactly("visible", "hidden", "after_due_date", "after_published");
        assertThat(tests.get(1).get("name").asText()).contains(SECRET + "3");
        assertThat(tests.get(1).get("output").asText()).contains("expected the " + SECRET + "3 message", "the " + SECRET + "3 hint");
    }

    @Test
    void hidingChangesNoScoreAndEveryFormatStillCarriesTheNativeTotal() throws Exception {
        GradeReport seen = HiddenTests.forLearners(REPORT);
        assertThat(seen.score()).isEqualTo(REPORT.score()).isEqualTo(5);
        assertThat(seen.maxScore()).isEqualTo(REPORT.maxScore());
        assertThat(seen.exercises().get(0).score()).isEqualTo(REPORT.exercises().get(0).score());

        for (ReportOptions options : List.of(ReportOptions.DEFAULT, new ReportOptions(true, true))) {
            for (ReportFormat format : ReportFormats.all(options)) {
                assertThat(FormatChecks.validTotal(format.name(), format.render(REPORT), REPORT.maxScore()))
                        .as("%s, show hidden %s", format.name(), options.showHidden()).isCloseTo(REPORT.score(), Offset.offset(1e-9));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "prairielearn", "classroom", "junit", "vpl"})
    void showHiddenShowsAHiddenTestInFullToTheInstructor(String format) throws Exception {
        String text = render(format, new ReportOptions(true, true));

        assertThat(text).contains("expected the " + SECRET + "3 message", "the " + SECRET + "3 hint", "printed the " + SECRET + "3 output",
                "expected the " + SECRET + "1 message").doesNotContain(HiddenTests.FAILED);
    }

    @Test
    void whatGradePrintsExerciseByExerciseHidesHiddenTestsUnlessShowHidden() {
        StringWriter learner = new StringWriter();
        StringWriter instructor = new StringWriter();

        new TextReport(new PrintWriter(learner), false).exercise(REPORT.exercises().get(0));
        new TextReport(new PrintWriter(instructor), false, true).exercise(REPORT.exercises().get(0));

        assertThat(learner.toString()).doesNotContain(SECRET).contains("hidden test 1 (failed, 0/3)", HiddenTests.FAILED);
        assertThat(instructor.toString()).contains("checks the " + SECRET + "3", "the " + SECRET + "3 hint",
                "printed the " + SECRET + "3 output", "timed-out");
        assertThat(TextReport.plain(REPORT)).doesNotContain(SECRET);
        assertThat(TextReport.plain(REPORT, true)).contains(SECRET);
    }
}

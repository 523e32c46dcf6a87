package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import lockstep.engine.result.GradeReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every format, for every kind of report (graded, compile error, rejection, grader failure, nothing to grade, hostile). */
class ReportFormatsTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyFormatIsWrittenValidAndCarriesTheNativeTotal() {
        return SampleReports.all().entrySet().stream().flatMap(sample -> ReportFormats.names().stream()
                .map(name -> DynamicTest.dynamicTest(sample.getKey() + " as " + name, () -> {
                    GradeReport report = sample.getValue();
                    for (ReportOptions options : new ReportOptions[] {ReportOptions.DEFAULT, new ReportOptions(true)}) {
                        ReportFormat format = ReportFormats.find(name, options).orElseThrow();
                        Path file = dir.resolve(sample.getKey() + "-" + options.learnerOutput() + "/" + format.fileName());

                        ReportFormats.write(format, report, file);

                        double total = FormatChecks.validTotal(name, Files.readAllBytes(file), report.maxScore());
                        assertThat(total).as("%s total of %s", name, sample.getKey()).isCloseTo(report.score(),
                                org.assertj.core.data.Offset.offset(1e-9));
                    }
                })));
    }

    @Test
    void aReportNotGradedScoresZeroAndSaysWhyInEveryFormat() throws Exception {
        for (GradeReport report : new GradeReport[] {SampleReports.graderFailed(), SampleReports.noSubmission()}) {
            for (ReportFormat format : ReportFormats.all(ReportOptions.DEFAULT)) {
                byte[] bytes = format.render(report);
                assertThat(FormatChecks.validTotal(format.name(), bytes, report.maxScore())).as(format.name()).isZero();
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).as(format.name())
                        .contains(report.failure().message().substring(0, 20));
            }
        }
    }

    @Test
    void eachPlatformFormatShowsTheLearnersOutputOfTheExercisesThatAllowItAndNoOther() throws Exception {
        GradeReport report = SampleReports.graded();
        for (String name : new String[] {"gradescope", "prairielearn", "classroom", "junit", "vpl"}) {
            String mutexShown = new String(ReportFormats.find(name, new ReportOptions(false, false, java.util.Set.of("mutex")))
                    .orElseThrow().render(report), java.nio.charset.StandardCharsets.UTF_8);
            String spawnShown = new String(ReportFormats.find(name, new ReportOptions(false, false, java.util.Set.of("spawn-join")))
                    .orElseThrow().render(report), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(mutexShown).as(name).contains("printed FAILED");
            assertThat(spawnShown).as(name).doesNotContain("printed FAILED", "printed ERRORED");
        }
    }

    @Test
    void theNativeFormatCarriesEachTestsProblem() throws Exception {
        com.fasterxml.jackson.databind.JsonNode mutex = FormatChecks.json(ReportFormats.find("json", ReportOptions.DEFAULT)
                .orElseThrow().render(SampleReports.graded())).get("exercises").get(1).get("tests");

        assertThat(mutex).extracting(t -> t.get("status").asText() + " " + t.get("problem").asText(null)).containsExactly(
                "passed null", "failed assertion", "errored exception", "timed-out timed-out", "not-run not-run");
    }

    @Test
    void formatsAreFoundByTheirNamesOnly() {
        assertThat(ReportFormats.names()).containsExactly("json", "text", "gradescope", "prairielearn", "classroom", "junit", "vpl");
        assertThat(ReportFormats.all(ReportOptions.DEFAULT)).extracting(ReportFormat::name).isEqualTo(ReportFormats.names());
        assertThat(ReportFormats.find("html", ReportOptions.DEFAULT)).isEmpty();
    }

    @Test
    void writingReplacesAFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("out/results.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        ReportFormats.write(ReportFormats.find("gradescope", ReportOptions.DEFAULT).orElseThrow(), SampleReports.graded(), file);

        assertThat(FormatChecks.json(Files.readAllBytes(file)).get("score").asDouble()).isEqualTo(SampleReports.graded().score());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    static Map<String, GradeReport> samples() {
        return SampleReports.all();
    }
}

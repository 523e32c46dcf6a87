package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.report.HiddenTests;
import lockstep.engine.report.ReportOptions;
import lockstep.engine.report.SampleReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files one {@code ./grade} writes, and who each is for: no grading, reports built by hand. */
class ReportsTest {
    @TempDir
    Path dir;

    @Test
    void theResultsJsonGradeWritesIntoTheLearnersFolderShowsHiddenTestsOnlyAsHiddenTests() throws Exception {
        Path fallback = dir.resolve("results.json");

        Reports.of(List.of(), null, fallback, ReportOptions.DEFAULT).write(SampleReports.hidden(), null);

        assertThat(fallback).content().doesNotContain(SampleReports.SECRET).contains(HiddenTests.FAILED, "\"score\" : 5.0");
    }

    @Test
    void theNativeResultsAskedForAreTheInstructorsRecordWithEveryHiddenDetail() throws Exception {
        Path json = dir.resolve("out.json");
        Path report = dir.resolve("report.json");

        Reports.of(List.of(new ReportRequest("json", report)), json, dir.resolve("unused.json"), ReportOptions.DEFAULT)
                .write(SampleReports.hidden(), null);

        assertThat(json).content().contains(SampleReports.SECRET + "3", "\"visibility\" : \"hidden\"");
        assertThat(report).content().contains(SampleReports.SECRET + "3");
        assertThat(dir.resolve("unused.json")).doesNotExist();
    }

    @Test
    void showHiddenKeepsEveryHiddenDetailInTheLearnersResultsJsonToo() throws Exception {
        Path fallback = dir.resolve("results.json");

        Reports.of(List.of(), null, fallback, new ReportOptions(false, true)).write(SampleReports.hidden(), null);

        assertThat(fallback).content().contains(SampleReports.SECRET + "3");
    }

    @Test
    void gradeAndBatchBothTakeShowHidden() {
        picocli.CommandLine grade = LockstepCommand.commandLine();

        assertThat(grade.getCommandSpec().findOption("--show-hidden")).isNotNull();
        assertThat(grade.getSubcommands().get("batch").getCommandSpec().findOption("--show-hidden")).isNotNull();
        assertThat(grade.parseArgs("--show-hidden", "mutex").matchedOption("--show-hidden").<Boolean>getValue()).isTrue();
    }
}

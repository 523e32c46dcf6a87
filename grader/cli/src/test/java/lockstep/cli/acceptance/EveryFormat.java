package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import lockstep.engine.report.FormatChecks;
import lockstep.engine.report.ReportFormat;
import lockstep.engine.report.ReportFormats;
import lockstep.engine.report.ReportOptions;
import lockstep.engine.result.GradeReport;

/**
 * Writes a real grading's report in every format and reads each back as its platform would: the
 * acceptance tests call it on the report they already graded, so the formats cost no grading time.
 */
final class EveryFormat {
    private EveryFormat() {}

    /** Every format of {@code report} is written under {@code dir}, valid, and carries the native total. */
    static void assertWrittenValidWithTheNativeTotal(GradeReport report, Path dir) throws Exception {
        for (ReportFormat format : ReportFormats.all(new ReportOptions(true))) {
            Path file = dir.resolve(format.name() + "-" + format.fileName());
            ReportFormats.write(format, report, file);
            assertThat(FormatChecks.validTotal(format.name(), Files.readAllBytes(file), report.maxScore()))
                    .as("the %s total", format.name()).isCloseTo(report.score(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}

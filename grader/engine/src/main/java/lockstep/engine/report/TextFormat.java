package lockstep.engine.report;

import java.nio.charset.StandardCharsets;
import lockstep.engine.result.GradeReport;

/** The text {@code ./grade} prints, without colours: {@link TextReport#plain}, hidden tests hidden unless {@link ReportOptions#showHidden()}. */
final class TextFormat extends NamedFormat {
    TextFormat(ReportOptions options) {
        super("text", "feedback.txt", options);
    }

    @Override
    public byte[] render(GradeReport report) {
        return TextReport.plain(report, options.showHidden()).getBytes(StandardCharsets.UTF_8);
    }
}

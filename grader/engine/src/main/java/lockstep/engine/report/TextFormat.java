package lockstep.engine.report;

import java.nio.charset.StandardCharsets;
import lockstep.engine.result.GradeReport;

/** The text {@code ./grade} prints, without colours: {@link TextReport#plain}. */
final class TextFormat extends NamedFormat {
    TextFormat() {
        super("text", "feedback.txt", ReportOptions.DEFAULT);
    }

    @Override
    public byte[] render(GradeReport report) {
        return TextReport.plain(report).getBytes(StandardCharsets.UTF_8);
    }
}

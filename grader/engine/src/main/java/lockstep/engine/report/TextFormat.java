package lockstep.engine.report;

import java.nio.charset.StandardCharsets;
import lockstep.engine.result.GradeReport;

/** The text {@code ./grade} prints, without colours: {@link TextReport#plain}. */
final class TextFormat implements ReportFormat {
    @Override
    public String name() {
        return "text";
    }

    @Override
    public String fileName() {
        return "feedback.txt";
    }

    @Override
    public byte[] render(GradeReport report) {
        return TextReport.plain(report).getBytes(StandardCharsets.UTF_8);
    }
}

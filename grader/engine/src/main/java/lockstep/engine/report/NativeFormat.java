package lockstep.engine.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import lockstep.engine.result.GradeReport;

/** The native {@code results.json}: the report itself, as {@link JsonReport} writes it. */
final class NativeFormat extends NamedFormat {
    NativeFormat() {
        super("json", "results.json", ReportOptions.DEFAULT);
    }

    @Override
    public byte[] render(GradeReport report) throws IOException {
        return JsonReport.toJson(report).getBytes(StandardCharsets.UTF_8);
    }
}

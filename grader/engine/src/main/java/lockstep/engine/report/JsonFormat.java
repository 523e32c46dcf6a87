package lockstep.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import lockstep.engine.result.GradeReport;

/**
 * A platform's JSON results file, kept under a size its platform accepts: the document is built
 * with a cap on each message, from {@code firstCap} characters, halved until the whole file is under
 * {@code limit} bytes. Numbers are never NaN.
 */
abstract class JsonFormat extends NamedFormat {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final int firstCap;
    private final int limit;

    JsonFormat(String name, String fileName, ReportOptions options, int firstCap, int limit) {
        super(name, fileName, options);
        this.firstCap = firstCap;
        this.limit = limit;
    }

    /** The document for {@code report}, each message cut to {@code cap} characters. */
    abstract ObjectNode build(GradeReport report, int cap);

    @Override
    public final byte[] render(GradeReport report) throws IOException {
        for (int cap = firstCap; ; cap /= 2) {
            byte[] bytes = MAPPER.writeValueAsBytes(build(report, cap));
            if (bytes.length < limit || cap <= 16) {
                return bytes;
            }
        }
    }

    /** A finite number for JSON: NaN and the infinities (never in a sound report) become 0. */
    static double number(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}

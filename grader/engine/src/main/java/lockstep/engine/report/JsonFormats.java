package lockstep.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.IntFunction;

/** What the JSON platform formats share: one mapper, numbers that are never NaN, and a size bound. */
final class JsonFormats {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonFormats() {}

    /** A finite number for JSON: NaN and the infinities (never in a sound report) become 0. */
    static double number(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    /**
     * The bytes of the document {@code build} makes for a cap on each message, starting at
     * {@code cap} and halved until the whole document is under {@code limit} bytes.
     */
    static byte[] bounded(IntFunction<ObjectNode> build, int cap, int limit) throws JsonProcessingException {
        for (int c = cap; ; c /= 2) {
            byte[] bytes = MAPPER.writeValueAsBytes(build.apply(c));
            if (bytes.length < limit || c <= 16) {
                return bytes;
            }
        }
    }
}

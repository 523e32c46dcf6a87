package lockstep.engine.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import lockstep.engine.result.GradeReport;

/**
 * {@code results.json}: a {@link GradeReport} as JSON, in the shape {@link #SCHEMA} describes.
 * Written by the grader alone, to a temporary file first and then moved into place, so a reader
 * never sees half a report.
 */
public final class JsonReport {
    /** The class-path resource holding the JSON Schema of the report. */
    public static final String SCHEMA = "lockstep/engine/report/results.schema.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private JsonReport() {}

    public static String toJson(GradeReport report) throws IOException {
        return MAPPER.writeValueAsString(report);
    }

    public static void write(GradeReport report, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".results-", ".json");
        try {
            MAPPER.writeValue(temp.toFile(), report);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static GradeReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), GradeReport.class);
    }

    /** The JSON Schema of the report, as text. */
    public static String schema() throws IOException {
        try (InputStream in = JsonReport.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IOException("missing resource " + SCHEMA);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

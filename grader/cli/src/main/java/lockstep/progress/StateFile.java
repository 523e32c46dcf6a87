package lockstep.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lockstep.batch.output.AtomicFiles;

/**
 * One JSON file of the working copy's state, holding a {@code T}: read as absent when it is missing,
 * corrupt or unreadable (the learner may delete or break it; that only forgets), and written to a
 * temporary file that is then moved over it, so that a reader never sees half of it.
 */
public final class StateFile<T> {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private final Class<T> type;

    public StateFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    public Path file() {
        return file;
    }

    /** What the file holds; empty when there is no such file or it cannot be read as a {@code T}. */
    public Optional<T> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(file.toFile(), type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Replaces the file with {@code value}, whole: the folder is made if need be. */
    public void write(T value) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
    }
}

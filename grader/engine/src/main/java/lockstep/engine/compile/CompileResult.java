package lockstep.engine.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of compiling one exercise.
 *
 * @param classes the folder holding the class files; meaningful only when {@code success}
 * @param diagnostics the compiler's errors as {@code File.java:line: message}, capped
 */
public record CompileResult(boolean success, Path classes, List<String> diagnostics, long durationMs) {
    public CompileResult {
        Objects.requireNonNull(classes, "classes must not be null");
        diagnostics = List.copyOf(diagnostics);
    }
}

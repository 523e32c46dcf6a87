package lockstep.engine.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of compiling one exercise.
 *
 * @param classes the folder holding the class files; meaningful only when {@code success}
 * @param diagnostics the compiler's errors as {@code File.java:line: message}, capped; or one plain
 *     sentence when the compiler gave up (too long, too deep, out of memory)
 * @param rejection why the code was refused rather than compiled (too many classes); empty when it was not
 */
public record CompileResult(boolean success, Path classes, List<String> diagnostics, long durationMs, Optional<String> rejection) {
    public CompileResult {
        Objects.requireNonNull(classes, "classes must not be null");
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(rejection, "rejection must not be null");
    }

    /** A result that is not a rejection. */
    public CompileResult(boolean success, Path classes, List<String> diagnostics, long durationMs) {
        this(success, classes, diagnostics, durationMs, Optional.empty());
    }
}

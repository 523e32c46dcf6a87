package lockstep.engine.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of compiling one exercise: compiled, failed to compile, or refused; each with how
 * long it took.
 */
public sealed interface CompileResult permits CompileResult.Compiled, CompileResult.Failed, CompileResult.Rejected {
    long durationMs();

    /** It compiled: the class files are in {@code classes}. */
    record Compiled(Path classes, long durationMs) implements CompileResult {
        public Compiled {
            Objects.requireNonNull(classes, "classes must not be null");
        }
    }

    /**
     * It did not compile.
     *
     * @param diagnostics the compiler's errors as {@code File.java:line: message}, capped; or one plain
     *     sentence when the compiler gave up (too long, too deep, out of memory)
     */
    record Failed(List<String> diagnostics, long durationMs) implements CompileResult {
        public Failed {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * It was refused rather than compiled (too many classes).
     *
     * @param reason why, in words for the learner
     */
    record Rejected(String reason, long durationMs) implements CompileResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }
}

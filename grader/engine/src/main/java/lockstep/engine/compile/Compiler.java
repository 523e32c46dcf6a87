package lockstep.engine.compile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lockstep.engine.submission.SourceFile;

/** Compiles sources against the JDK alone (Java 21) into a folder, within a limit of processor time. */
public interface Compiler {
    /** The processor time one exercise's compile may use, before the slack factor. */
    Duration TIME_LIMIT = Duration.ofSeconds(30);
    /** The most classes (top-level, nested, local and anonymous together) one exercise may compile to. */
    int MAX_CLASSES = 500;

    /**
     * Compiles {@code sources} into {@code outputDir}; gives up ({@link CompileResult.GaveUp.TooLong})
     * once the compile has used {@code limit} of processor time (or taken many times that in
     * wall-clock time).
     * Writes nothing into {@code outputDir} unless the compile succeeds.
     *
     * @param sources never null or empty
     * @param outputDir created if missing
     */
    CompileResult compile(List<SourceFile> sources, Path outputDir, Duration limit);

    /** Compiles within {@link #TIME_LIMIT}. */
    default CompileResult compile(List<SourceFile> sources, Path outputDir) {
        return compile(sources, outputDir, TIME_LIMIT);
    }

    /** The compiler of the JDK the grader runs on, run in-process. */
    static Compiler create() {
        return new JavacCompiler();
    }
}

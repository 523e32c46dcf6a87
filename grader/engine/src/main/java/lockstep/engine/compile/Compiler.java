package lockstep.engine.compile;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.submission.SourceFile;

/** Compiles sources against the JDK alone (Java 21) into a folder. */
public interface Compiler {

    /**
     * Compiles {@code sources} into {@code outputDir}.
     *
     * @param sources never null or empty
     * @param outputDir created if missing
     */
    CompileResult compile(List<SourceFile> sources, Path outputDir);

    /** The compiler of the JDK the grader runs on. */
    static Compiler create() {
        return new JavacCompiler();
    }
}

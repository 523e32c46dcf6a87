package lockstep.engine.submission;

import java.util.Objects;

/**
 * One Java source of a submission.
 *
 * @param path where it was in the submission, relative, with forward slashes
 * @param packageName what its {@code package} line says; empty for the unnamed package
 * @param className its file name without {@code .java}
 */
public record SourceFile(String path, String packageName, String className, String content) {
    public SourceFile {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(packageName, "packageName must not be null");
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(content, "content must not be null");
    }

    /** The file name, e.g. {@code Workers.java}. */
    public String fileName() {
        return className + ".java";
    }
}

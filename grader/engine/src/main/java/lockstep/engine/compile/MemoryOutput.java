package lockstep.engine.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * A file manager that keeps the class files javac writes in memory, so that a compile that fails or
 * is given up leaves nothing on disk; it refuses any other output, and any output at all once
 * {@code cancelled} says so.
 */
final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
    private final BooleanSupplier cancelled;

    MemoryOutput(StandardJavaFileManager files, BooleanSupplier cancelled) {
        super(files);
        this.cancelled = cancelled;
    }

    @Override
    public synchronized JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) throws IOException {
        if (cancelled.getAsBoolean()) {
            throw new IOException("the compile was given up");
        }
        if (kind != JavaFileObject.Kind.CLASS) {
            throw new IOException("only class files are written, not " + className + kind.extension);
        }
        return new SimpleJavaFileObject(URI.create("mem:///out/" + className.replace('.', '/') + kind.extension), kind) {
            @Override
            public OutputStream openOutputStream() {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                synchronized (MemoryOutput.this) {
                    classes.put(className, bytes);
                }
                return bytes;
            }
        };
    }

    /** The class files written, by binary name, in the order javac wrote them. */
    synchronized Map<String, byte[]> classes() {
        Map<String, byte[]> result = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> result.put(name, bytes.toByteArray()));
        return result;
    }
}

package lockstep.engine.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import lockstep.engine.submission.SourceFile;

/** {@link Compiler} over the system {@code javac}, sources held in memory. */
final class JavacCompiler implements Compiler {
    private static final int MAX_DIAGNOSTICS = 20;
    private final JavaCompiler javac;

    JavacCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: Lockstep needs a JDK, not a JRE");
        }
    }

    @Override
    public CompileResult compile(List<SourceFile> sources, Path outputDir) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outputDir, e);
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaFileObject> units = sources.stream().map(JavacCompiler::unit).toList();
        List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                "-nowarn", "-Xlint:none", "-Xmaxerrs", String.valueOf(MAX_DIAGNOSTICS),
                "-classpath", "", "-d", outputDir.toString());
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ENGLISH, null)) {
            ok = javac.getTask(null, files, collector, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // javac itself crashed (it happens on pathological sources): a learner-visible failure.
            return new CompileResult(false, outputDir,
                    List.of("the Java compiler failed on this code: " + e), millisSince(start));
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_DIAGNOSTICS) {
                errors.add(format(d));
            }
        }
        return new CompileResult(ok, outputDir, errors, millisSince(start));
    }

    private static String format(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : ((Unit) d.getSource()).label;
        String line = d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "";
        return file + line + ": " + d.getMessage(Locale.ENGLISH);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static JavaFileObject unit(SourceFile source) {
        return new Unit(source);
    }

    /** A source held in memory, named by its package path so javac accepts public classes in it. */
    private static final class Unit extends SimpleJavaFileObject {
        private final String content;
        private final String label;

        Unit(SourceFile source) {
            super(uri(source), Kind.SOURCE);
            this.content = source.content();
            this.label = source.fileName();
        }

        private static URI uri(SourceFile source) {
            try {
                return new URI("mem", null, "/" + source.packageName().replace('.', '/') + "/" + source.fileName(), null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("unusable file name " + source.path(), e);
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}

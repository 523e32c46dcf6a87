package lockstep.engine.compile;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import lockstep.engine.compile.CompileResult.GaveUp.Reason;
import lockstep.engine.submission.SourceFile;

/**
 * One run of javac, meant for a thread of its own: sources from memory, class files to memory, no
 * class path, source path or processor path, annotation processing off. It stops itself at the first
 * javac event once its thread has used up its processor time or it was {@link #cancel() cancelled}
 * (processor time, not wall-clock time, so that a loaded machine does not fail honest code); and,
 * right after parsing, before
 * any analysis, once the sources declare more than {@link Compiler#MAX_CLASSES} classes or a constant
 * string javac would fold to more than a class file holds ({@link ConstantSizes}).
 */
final class CompileJob implements Runnable {
    private static final int MAX_DIAGNOSTICS = 20;
    private static final Outcome NESTED_TOO_DEEPLY = new Outcome.GaveUp(new Reason.NestedTooDeeply());
    private static final Outcome OUT_OF_MEMORY = new Outcome.GaveUp(new Reason.OutOfMemory());

    private final JavaCompiler javac;
    private final List<SourceFile> sources;
    private final long cpuLimitNanos;
    private volatile boolean cancelled;
    private volatile Outcome outcome = new Outcome.GaveUp(new Reason.Unfinished());

    /** A job that may use {@code cpuLimitNanos} of its thread's processor time. */
    CompileJob(JavaCompiler javac, List<SourceFile> sources, long cpuLimitNanos) {
        this.javac = javac;
        this.sources = List.copyOf(sources);
        this.cpuLimitNanos = cpuLimitNanos;
    }

    /** What the run came to. */
    sealed interface Outcome {
        /** Compiled: class files by binary name. */
        record Compiled(Map<String, byte[]> classes) implements Outcome {}

        /** javac reported errors, each as javac prints it ({@link JavacLog}). */
        record Errors(List<String> diagnostics) implements Outcome {}

        /** The sources declare more classes than allowed. */
        record TooManyClasses(int count) implements Outcome {}

        /** The processor time ran out or the caller gave up. */
        record TooLong() implements Outcome {}

        /** javac crashed or ran out of stack or memory, or a constant it would fold is too long. */
        record GaveUp(Reason reason) implements Outcome {}
    }

    /** Asks the run to stop at its next javac event; it writes nothing after this. */
    void cancel() {
        cancelled = true;
    }

    /** The outcome; meaningful once the thread running this has ended. */
    Outcome outcome() {
        return outcome;
    }

    @Override
    public void run() {
        try {
            outcome = compile();
        } catch (Throwable e) { // a StackOverflowError or OutOfMemoryError must not leave the outcome unset
            outcome = gaveUp(e);
        }
    }

    private Outcome compile() throws IOException {
        List<JavaFileObject> units = sources.stream().map(CompileJob::unit).toList();
        List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                "-nowarn", "-Xlint:none", "-Xmaxerrs", String.valueOf(MAX_DIAGNOSTICS));
        // No diagnostic listener: javac then prints its errors to the log as on a terminal, with simple
        // type names, the code line and a caret, which the Diagnostic API does not give.
        JavacLog log = new JavacLog();
        ClassCounter counter = new ClassCounter();
        ConstantSizes constants = new ConstantSizes();
        boolean ok;
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            standard.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
            MemoryOutput files = new MemoryOutput(standard, () -> cancelled);
            JavacTask task = (JavacTask) javac.getTask(log, files, null, options, null, units);
            task.setLocale(Locale.ENGLISH); // as every other word of the report, whatever the machine's language
            task.addTaskListener(new TaskListener() {
                @Override
                public void started(TaskEvent e) {
                    checkTime();
                    if (e.getKind() == TaskEvent.Kind.ENTER && constants.checkOnce()) { // every source is parsed by now
                        constants.tooLong().ifPresent(tooLong -> {
                            throw new Stop(new Outcome.GaveUp(tooLong));
                        });
                    }
                }

                @Override
                public void finished(TaskEvent e) {
                    checkTime();
                    if (e.getKind() == TaskEvent.Kind.PARSE) {
                        if (counter.add(e.getCompilationUnit()) > Compiler.MAX_CLASSES) {
                            throw new Stop(new Outcome.TooManyClasses(counter.count()));
                        }
                        constants.add(e.getCompilationUnit());
                    }
                }
            });
            try {
                ok = task.call();
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof Stop stop) {
                        return stop.outcome;
                    }
                    if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                        return gaveUp(t);
                    }
                }
                return gaveUp(e);
            }
            if (cancelled) {
                return new Outcome.TooLong();
            }
            if (ok) {
                return new Outcome.Compiled(files.classes());
            }
        }
        List<String> errors = log.errors(MAX_DIAGNOSTICS);
        // javac catches its own crashes (a StackOverflowError too), prints them to the log and fails
        // without an error diagnostic.
        return errors.isEmpty() ? gaveUpInLog(log.toString()) : new Outcome.Errors(errors);
    }

    private void checkTime() {
        if (cancelled || ThreadTime.currentThreadNanos() > cpuLimitNanos) {
            throw new Stop(new Outcome.TooLong());
        }
    }

    /** javac threw {@code e} at us. */
    private static Outcome gaveUp(Throwable e) {
        if (e instanceof StackOverflowError) {
            return NESTED_TOO_DEEPLY;
        }
        if (e instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        return failedOn(e.toString());
    }

    /** javac caught its own crash and only printed it: its log, which names the error's class, is all there is. */
    private static Outcome gaveUpInLog(String log) {
        if (log.contains(StackOverflowError.class.getName())) {
            return NESTED_TOO_DEEPLY;
        }
        if (log.contains(OutOfMemoryError.class.getName())) {
            return OUT_OF_MEMORY;
        }
        return failedOn(log);
    }

    private static Outcome failedOn(String what) {
        return new Outcome.GaveUp(new Reason.Crashed(what));
    }

    private static JavaFileObject unit(SourceFile source) {
        return new Unit(source);
    }

    /** Thrown from the listener to stop javac with an outcome. */
    private static final class Stop extends RuntimeException {
        private final transient Outcome outcome;

        Stop(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * A source held in memory, named by its package path so javac accepts public classes in it, and
     * labelled in diagnostics by its path in the submission.
     */
    private static final class Unit extends SimpleJavaFileObject {
        private final String content;
        private final String label;

        Unit(SourceFile source) {
            super(uri(source), Kind.SOURCE);
            this.content = source.content();
            this.label = source.path();
        }

        private static URI uri(SourceFile source) {
            try {
                return new URI("mem", null, "/" + source.packageName().replace('.', '/') + "/" + source.fileName(), null);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("unusable file name " + source.path(), e);
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }

        /** What javac names the file by in what it prints. */
        @Override
        public String getName() {
            return label;
        }
    }
}

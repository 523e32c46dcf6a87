package lockstep.engine.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import lockstep.engine.compile.CompileResult.GaveUp.Reason;
import lockstep.engine.submission.SourceFile;

/**
 * {@link Compiler} over the system {@code javac}, in-process, sources and class files held in memory.
 *
 * <p>Each compile runs on a thread of its own with a {@link #STACK_BYTES} stack, so that code nested
 * too deeply overflows that stack quickly and ends the compile instead of reaching the
 * grader's. The time limit counts that thread's processor time, so that a machine busy with other
 * work (a class graded several at a time, a loaded CI runner) does not fail code that compiles; a
 * wall-clock backstop of {@link #WALL_FACTOR} times the limit ends a compile that gets no processor
 * at all (and is the limit itself where the JVM cannot measure a thread's processor time). A
 * listener checks the time at every javac event and stops a compile that overran it at the next
 * one, but javac can spend minutes inside one event (exponential overload resolution), and a Java
 * thread cannot be killed: the caller, which checks every {@link #POLL_MILLIS} ms, reports such a
 * compile as given up and leaves its thread, a low-priority daemon, behind. That costs up to
 * one core and the memory javac holds until it reaches its next event or the grader JVM exits (which
 * the daemon does not delay); it never writes anything, as output goes to memory and is refused once
 * the compile was given up. An {@link OutOfMemoryError} inside javac is caught as well, but while
 * javac fills the heap other threads of the grader may see one too.
 */
final class JavacCompiler implements Compiler {
    /** Deep enough for any sensible code (thousands of nested parentheses), small enough to overflow fast. */
    static final long STACK_BYTES = 16L << 20;
    /** How many times the processor-time limit a compile may take in wall-clock time. */
    static final int WALL_FACTOR = 10;
    /** How often the caller looks at the compile's processor time. */
    static final long POLL_MILLIS = 100;
    private final JavaCompiler javac;

    JavacCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: Lockstep needs a JDK, not a JRE");
        }
    }

    @Override
    public CompileResult compile(List<SourceFile> sources, Path outputDir, Duration limit) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outputDir, e);
        }
        CompileJob job = new CompileJob(javac, sources, limit.toNanos());
        Thread thread = new Thread(null, job, "lockstep-javac", STACK_BYTES);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        try {
            awaitWithin(thread, limit, ThreadTime.measured() ? limit.multipliedBy(WALL_FACTOR) : limit, start);
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            return gaveUp(new Reason.Interrupted(), start);
        }
        if (thread.isAlive()) {
            job.cancel();
            return gaveUp(new Reason.TooLong(limit), start);
        }
        CompileJob.Outcome outcome = job.outcome();
        return switch (outcome) {
            case CompileJob.Outcome.Compiled c -> write(c.classes(), outputDir, start);
            case CompileJob.Outcome.Errors e -> new CompileResult.Failed(e.diagnostics(), millisSince(start));
            case CompileJob.Outcome.TooManyClasses t -> tooMany(t.count(), start);
            case CompileJob.Outcome.TooLong t -> gaveUp(new Reason.TooLong(limit), start);
            case CompileJob.Outcome.GaveUp g -> gaveUp(g.reason(), start);
        };
    }

    /**
     * Waits until {@code thread} ends, has used {@code limit} of processor time, or has run for
     * {@code wallLimit} since {@code start}.
     */
    static void awaitWithin(Thread thread, Duration limit, Duration wallLimit, long start) throws InterruptedException {
        long wallDeadline = start + wallLimit.toNanos();
        for (long left = wallDeadline - System.nanoTime(); left > 0; left = wallDeadline - System.nanoTime()) {
            thread.join(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
            if (!thread.isAlive() || ThreadTime.nanos(thread) > limit.toNanos()) {
                return;
            }
        }
    }

    /** The rejection of code that compiles to {@code count} classes, more than {@link #MAX_CLASSES}. */
    private static CompileResult tooMany(int count, long start) {
        return new CompileResult.Rejected(new CompileResult.TooManyClasses(count, MAX_CLASSES), millisSince(start));
    }

    private static CompileResult write(Map<String, byte[]> classes, Path outputDir, long start) {
        if (classes.size() > MAX_CLASSES) {
            return tooMany(classes.size(), start);
        }
        Path root = outputDir.toAbsolutePath().normalize();
        try {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                Path target = root.resolve(c.getKey().replace('.', '/') + ".class").normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    return gaveUp(new Reason.UnusableClassName(c.getKey()), start);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, c.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled classes to " + outputDir, e);
        }
        return new CompileResult.Compiled(outputDir, millisSince(start));
    }

    private static CompileResult gaveUp(Reason reason, long start) {
        return new CompileResult.GaveUp(reason, millisSince(start));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

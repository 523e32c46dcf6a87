package lockstep.engine.compile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of compiling one exercise: compiled, failed to compile, given up, or refused; each
 * with how long it took.
 *
 * <p>Only javac's own diagnostics are text here. Why the compiler gave up and why code was refused
 * are values, which {@code lockstep.engine.score} puts into words for the learner, so that the
 * compile stage decides what happened and the score stage alone decides how it is said.
 */
public sealed interface CompileResult
        permits CompileResult.Compiled, CompileResult.Failed, CompileResult.GaveUp, CompileResult.Rejected {
    long durationMs();

    /** It compiled: the class files are in {@code classes}. */
    record Compiled(Path classes, long durationMs) implements CompileResult {
        public Compiled {
            Objects.requireNonNull(classes, "classes must not be null");
        }
    }

    /**
     * It did not compile: javac reported errors in the code.
     *
     * @param diagnostics the errors as {@code File.java:line: message}, capped; never empty
     */
    record Failed(List<String> diagnostics, long durationMs) implements CompileResult {
        public Failed {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * It did not compile because the compiler gave up on the code, or was stopped before it would
     * have (by its limits, or by the check that stops a constant javac could not hold).
     *
     * @param reason why, never null
     */
    record GaveUp(Reason reason, long durationMs) implements CompileResult {
        public GaveUp {
            Objects.requireNonNull(reason, "reason must not be null");
        }

        /** Why the compiler gave up: a value, which the score stage puts into the learner's words. */
        public sealed interface Reason {
            /** The compile used up its processor time, {@code limit}. */
            record TooLong(Duration limit) implements Reason {
                public TooLong {
                    Objects.requireNonNull(limit, "limit must not be null");
                }
            }

            /** The compiler overflowed its stack: some code is nested too deeply. */
            record NestedTooDeeply() implements Reason {}

            /**
             * Stopped right after parsing: {@code name}, a constant string in {@code file}, would fold to
             * {@code length} characters, more than the {@code max} a class file holds. javac would say so
             * too, but only after building it in memory, which a chain of doublings makes gigabytes.
             *
             * @param length the estimate, at most {@link #SATURATED}, which stands for any length past it
             */
            record ConstantTooLong(String file, String name, long length, long max) implements Reason {
                /** Where the estimate stops counting: about a trillion characters. */
                public static final long SATURATED = 1L << 40;

                public ConstantTooLong {
                    Objects.requireNonNull(file, "file must not be null");
                    Objects.requireNonNull(name, "name must not be null");
                }
            }

            /** The compiler ran out of memory. */
            record OutOfMemory() implements Reason {}

            /**
             * The compiler crashed otherwise.
             *
             * @param javacSaid what it printed or threw, as it said it (capped); possibly blank
             */
            record Crashed(String javacSaid) implements Reason {
                public Crashed {
                    Objects.requireNonNull(javacSaid, "javacSaid must not be null");
                }
            }

            /** The compile's thread ended without an outcome (it cannot, short of a grader bug). */
            record Unfinished() implements Reason {}

            /** The grading thread was interrupted: grading is stopping. */
            record Interrupted() implements Reason {}

            /** The compiler produced a class whose binary name is no path inside the output folder. */
            record UnusableClassName(String name) implements Reason {
                public UnusableClassName {
                    Objects.requireNonNull(name, "name must not be null");
                }
            }
        }
    }

    /**
     * It was refused rather than compiled.
     *
     * @param reason why, never null
     */
    record Rejected(TooManyClasses reason, long durationMs) implements CompileResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason must not be null");
        }
    }

    /**
     * The code declares (or compiles to) {@code count} classes, more than the {@code max} allowed,
     * counting nested, local and anonymous classes.
     */
    record TooManyClasses(int count, int max) {}
}

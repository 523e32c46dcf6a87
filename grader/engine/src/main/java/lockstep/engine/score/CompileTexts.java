package lockstep.engine.score;

import lockstep.engine.compile.CompileResult.GaveUp.Reason;
import lockstep.engine.compile.CompileResult.TooManyClasses;

/**
 * The learner's words for a compile that gave no classes to run: why the compiler gave up, and why
 * code was refused before it was compiled.
 *
 * <p>The compile stage reports these as values; they are put into words here, beside the other
 * verdict texts, so that every sentence a learner reads about their code is written in one stage.
 */
final class CompileTexts {
    private static final int CRASH_LINES = 3;

    private CompileTexts() {}

    /** Why the compiler gave up, as the sentence that follows "Your code does not compile:". */
    static String gaveUp(Reason reason) {
        return switch (reason) {
            case Reason.TooLong(var limit) -> "the Java compiler gave up after " + Math.max(1, limit.toSeconds())
                    + " s of work: this code takes it too long to compile (deeply nested generic calls, lambdas or"
                    + " conditional expressions can do that). Simplify those expressions, e.g. with local variables.";
            case Reason.NestedTooDeeply n -> "the Java compiler gave up: some code is nested too deeply for it (too many"
                    + " parentheses, operators, calls or blocks inside one another). Split it into smaller pieces.";
            case Reason.ConstantTooLong(var file, var name, var length, var max) -> file + ": constant string too long: " + name
                    + " would be " + (length >= Reason.ConstantTooLong.SATURATED ? "trillions of" : String.valueOf(length))
                    + " characters long, and a constant holds at most " + max + ".";
            case Reason.OutOfMemory o -> "the Java compiler gave up: it ran out of memory on this code. Make it smaller.";
            case Reason.Crashed(var javacSaid) -> "the Java compiler failed on this code: " + firstLines(javacSaid);
            case Reason.Unfinished u -> "the Java compiler did not finish";
            case Reason.Interrupted i -> "the compile was interrupted: grading is stopping";
            case Reason.UnusableClassName(var name) -> "the Java compiler produced a class with an unusable name: " + name;
        };
    }

    /** Why code was refused rather than compiled. */
    static String rejected(TooManyClasses tooMany) {
        return "Your code was not compiled: it has too many classes (" + tooMany.count() + "; at most " + tooMany.max()
                + "), counting nested, local and anonymous classes. No exercise needs that many.";
    }

    /** The first few non-blank lines of a crash report, on one line: its exception and where it was thrown. */
    private static String firstLines(String report) {
        return report.lines().filter(l -> !l.isBlank()).limit(CRASH_LINES).reduce((a, b) -> a + " " + b)
                .orElse("no reason given");
    }
}

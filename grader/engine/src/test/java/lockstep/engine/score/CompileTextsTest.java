package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lockstep.engine.compile.CompileResult.GaveUp.Reason;
import lockstep.engine.compile.CompileResult.TooManyClasses;
import org.junit.jupiter.api.Test;

/** Each reason a compile gave no classes, in the words the learner reads. */
class CompileTextsTest {
    @Test
    void tooLongSaysTheLimitInWholeSecondsAndHowToSimplify() {
        assertThat(CompileTexts.gaveUp(new Reason.TooLong(Duration.ofSeconds(30)))).isEqualTo("the Java compiler gave up after 30 s"
                + " of work: this code takes it too long to compile (deeply nested generic calls, lambdas or conditional"
                + " expressions can do that). Simplify those expressions, e.g. with local variables.");
        assertThat(CompileTexts.gaveUp(new Reason.TooLong(Duration.ofMillis(300)))).as("never 0 s")
                .startsWith("the Java compiler gave up after 1 s of work: ");
    }

    @Test
    void nestedTooDeeplySaysWhatNestsAndToSplitIt() {
        assertThat(CompileTexts.gaveUp(new Reason.NestedTooDeeply())).isEqualTo("the Java compiler gave up: some code is nested"
                + " too deeply for it (too many parentheses, operators, calls or blocks inside one another). Split it into"
                + " smaller pieces.");
    }

    @Test
    void outOfMemorySaysToMakeItSmaller() {
        assertThat(CompileTexts.gaveUp(new Reason.OutOfMemory()))
                .isEqualTo("the Java compiler gave up: it ran out of memory on this code. Make it smaller.");
    }

    @Test
    void aCrashQuotesTheFirstThreeLinesOfWhatJavacSaid() {
        assertThat(CompileTexts.gaveUp(new Reason.Crashed("An exception has occurred in the compiler (25).\n\n"
                + "java.lang.IllegalStateException: boom\n\tat com.sun.tools.javac.Foo.bar(Foo.java:1)\n\tat more\n")))
                .isEqualTo("the Java compiler failed on this code: An exception has occurred in the compiler (25)."
                        + " java.lang.IllegalStateException: boom \tat com.sun.tools.javac.Foo.bar(Foo.java:1)");
        assertThat(CompileTexts.gaveUp(new Reason.Crashed(" \n")))
                .isEqualTo("the Java compiler failed on this code: no reason given");
    }

    @Test
    void aConstantTooLongReadsAsJavacsOwnErrorWithItsFileNameAndLengths() {
        assertThat(CompileTexts.gaveUp(new Reason.ConstantTooLong("Doubling.java", "s15", 65_536, 65_535)))
                .isEqualTo("Doubling.java: constant string too long: s15 would be 65536 characters long, and a constant"
                        + " holds at most 65535.");
        assertThat(CompileTexts.gaveUp(new Reason.ConstantTooLong("D.java", "s40", Reason.ConstantTooLong.SATURATED, 65_535)))
                .as("past the estimate's cap, no made-up number")
                .isEqualTo("D.java: constant string too long: s40 would be trillions of characters long, and a constant"
                        + " holds at most 65535.");
    }

    @Test
    void theRestSayWhatHappenedInOneLine() {
        assertThat(CompileTexts.gaveUp(new Reason.Unfinished())).isEqualTo("the Java compiler did not finish");
        assertThat(CompileTexts.gaveUp(new Reason.Interrupted())).isEqualTo("the compile was interrupted: grading is stopping");
        assertThat(CompileTexts.gaveUp(new Reason.UnusableClassName("..evil")))
                .isEqualTo("the Java compiler produced a class with an unusable name: ..evil");
    }

    @Test
    void tooManyClassesSaysTheCountTheMaximumAndWhatCounts() {
        assertThat(CompileTexts.rejected(new TooManyClasses(10_001, 500))).isEqualTo("Your code was not compiled: it has too"
                + " many classes (10001; at most 500), counting nested, local and anonymous classes. No exercise needs that many.");
    }
}

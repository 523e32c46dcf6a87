package lockstep.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may see a graded test, beside its {@link Points}: Gradescope's four test visibilities.
 *
 * <p>A test without it is {@link Level#VISIBLE}. Gradescope is given the level as it is and applies
 * it; every other report a learner reads (what {@code ./grade} prints, PrairieLearn, GitHub
 * Classroom, VPL, JUnit XML) shows a test of any other level only as a hidden test that passed or
 * failed, with its points: never its name, message, hint or output. The points always count.
 *
 * <pre>{@code
 * @Test
 * @Points(2)
 * @Hint("Two transfers in opposite directions: which lock does each take first?")
 * @Visibility(Visibility.Level.HIDDEN)
 * void opposingTransfersNeverDeadlock() { ... }
 * }</pre>
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Visibility {
    /** Who may see the test. */
    Level value();

    /** Gradescope's visibilities, in the same words. */
    enum Level {
        /** Shown to learners at once (the default). */
        VISIBLE,
        /** Shown to learners once the due date has passed (on Gradescope; hidden elsewhere). */
        AFTER_DUE_DATE,
        /** Shown to learners once the grades are published (on Gradescope; hidden elsewhere). */
        AFTER_PUBLISHED,
        /** Never shown to learners; its points still count. */
        HIDDEN
    }
}

package lockstep.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wall-clock limit of one graded test, when it must differ from its exercise's default.
 *
 * <p>The runner enforces it from outside the test, so it holds even when learner code ignores
 * interrupts: the test is reported as timed out, with a dump of where its threads were stuck.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TimeLimit {
    /** Seconds, at least 1, before the grader's slack factor is applied. */
    int seconds();
}

package lockstep.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a graded test earns when, and only when, it passes.
 *
 * <p>Every {@code @Test} method of an exercise suite carries one; the course build refuses a
 * suite test without it, so that no test is silently worth nothing.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** The points, at least 1. */
    int value();
}

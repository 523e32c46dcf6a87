package lockstep.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a learner should look at when this test fails, in the learner's terms.
 *
 * <p>Shown under the failure message of the test; it names the idea of the chapter the test
 * checks, never the answer.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hint {
    /** One or two sentences. */
    String value();
}

package lockstep.engine.policy;

import java.util.Objects;

/**
 * One use of an API that learner code may not make.
 *
 * @param source the learner's source file, e.g. {@code Workers.java}
 * @param line its line, or 0 when the class file does not say
 * @param api what was used, e.g. {@code java.lang.System.exit}
 * @param why why exercises may not use it, in plain words
 */
public record Violation(String source, int line, String api, String why) {
    public Violation {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(api, "api must not be null");
        Objects.requireNonNull(why, "why must not be null");
    }

    /** {@code Workers.java:12: uses java.lang.System.exit: it would stop the test JVM}. */
    public String describe() {
        return source + (line > 0 ? ":" + line : "") + ": uses " + api + ": " + why;
    }
}

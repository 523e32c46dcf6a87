package lockstep.engine.policy;

import java.util.Objects;

/**
 * One use of an API that learner code may not make.
 *
 * @param source the learner's source file, e.g. {@code Workers.java}
 * @param line its line, or 0 when the class file does not say
 * @param api what was used, as the learner writes it, e.g. {@code java.lang.System.exit} or
 *     {@code new java.io.FileOutputStream}
 * @param why what that API does that exercises may not, in plain words
 * @param instead what to write instead, in the learner's terms
 */
public record Violation(String source, int line, String api, String why, String instead) {
    public Violation {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(api, "api must not be null");
        Objects.requireNonNull(why, "why must not be null");
        Objects.requireNonNull(instead, "instead must not be null");
    }

    /**
     * {@code Workers.java:12: uses java.lang.System.exit: it ends the test JVM in the middle of the
     * suite; return from your method, or throw an exception}.
     */
    public String describe() {
        return source + (line > 0 ? ":" + line : "") + ": uses " + api + ": " + why + (instead.isEmpty() ? "" : "; " + instead);
    }
}

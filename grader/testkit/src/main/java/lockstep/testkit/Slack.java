package lockstep.testkit;

import java.time.Duration;

/**
 * The one factor by which every time bound of a suite is stretched on a slow or busy machine.
 *
 * <p>The grader sets it with the system property {@value #PROPERTY} (default {@code 1.0}) on the
 * test JVM's command line; suites never set it. It is read each time it is asked for, from the
 * JVM's launch arguments when the property is one of them, which no code in the JVM can change, so
 * code under test cannot stretch the bounds it is held to by calling {@code System.setProperty}.
 *
 * @param factor how many times longer every bound is, finite and at least {@code 1.0}
 * @since 0.1
 */
public record Slack(double factor) {

    /** The system property the grader sets, for example {@code -Dlockstep.slack=2.5}. */
    public static final String PROPERTY = "lockstep.slack";

    /** Checks the factor. */
    public Slack {
        if (!Double.isFinite(factor) || factor < 1.0) {
            throw new IllegalArgumentException("slack factor must be a finite number >= 1.0, not " + factor);
        }
    }

    /**
     * The factor the grader set for this JVM.
     *
     * @return the slack of system property {@value #PROPERTY} as the JVM was launched with it (else as
     *     it is set now), or a factor of 1.0 when it is unset
     * @throws IllegalStateException when the property is not a number of at least 1.0 (a grader
     *     misconfiguration, never a learner's fault)
     */
    public static Slack current() {
        String value = launchValue().orElseGet(() -> System.getProperty(PROPERTY));
        if (value == null || value.isBlank()) {
            return new Slack(1.0);
        }
        try {
            return new Slack(Double.parseDouble(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "system property " + PROPERTY + "=" + value + " is not a number >= 1.0", e);
        }
    }

    /** The value of {@code -D}{@value #PROPERTY} on the JVM's command line, if it has one (the last wins). */
    private static java.util.Optional<String> launchValue() {
        String prefix = "-D" + PROPERTY + "=";
        String value = null;
        for (String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith(prefix)) {
                value = argument.substring(prefix.length());
            }
        }
        return java.util.Optional.ofNullable(value);
    }

    /**
     * The bound stretched by this factor.
     *
     * @param bound a bound written for an unloaded machine, never null, not negative
     * @return {@code bound} times the factor, rounded up to the next millisecond
     */
    public Duration scale(Duration bound) {
        if (bound.isNegative()) {
            throw new IllegalArgumentException("bound must not be negative: " + bound);
        }
        double nanos = bound.toNanos() * factor;
        long millis = (long) Math.ceil(nanos / 1_000_000.0);
        return Duration.ofMillis(millis);
    }
}

/**
 * The child-JVM side of Lockstep. In a test JVM it runs as this named module, beside the suites and
 * the testkit (modules too), while the learner's classes alone sit on the class path: it exports
 * nothing and opens only its warm-up suite, to JUnit alone, so code on the class path can neither
 * call into it nor reflect on it (the one-time key that seals its events stays out of reach even if
 * the static policy missed a reflective call).
 * It reads the testkit for the one rule of which frames a thread dump shows, which the testkit
 * exports to it alone.
 */
module lockstep.runner {
    requires java.management;
    requires org.junit.platform.launcher;
    requires lockstep.testkit;
    requires org.assertj.core;

    // JUnit alone reflects on the warm-up suite; the package holds nothing else.
    opens lockstep.runner.warmup to org.junit.platform.commons;

    uses org.junit.platform.engine.TestEngine;
}

/**
 * The course's suites, as a named module in a test JVM. It exports nothing and opens each suite
 * package to JUnit alone, so learner code on the class path can neither name a suite class nor
 * reflect on one (to change its state, say), even where the static policy missed a reflective call.
 *
 * <p>The suites call the learner's classes, which are on the class path (the unnamed module): the
 * build compiles them against the reference solutions on the class path, and the grader starts each
 * test JVM with {@code --add-reads lockstep.suites=ALL-UNNAMED}. Each exercise's suite lives in
 * {@code ch10.<name>.tests}, beside (never inside) the learner's package {@code ch10.<name>}: a
 * package cannot be split between a named module and the class path.
 */
module lockstep.suites {
    requires awaitility;
    requires java.net.http;
    requires jdk.httpserver;
    requires lockstep.testkit;
    requires org.assertj.core;
    requires org.junit.jupiter.api;

    opens ch10.spawn.tests to org.junit.platform.commons;
    opens ch10.mutex.tests to org.junit.platform.commons;
    opens ch10.tasks.tests to org.junit.platform.commons;
    opens ch10.joinall.tests to org.junit.platform.commons;
    opens ch10.channel.tests to org.junit.platform.commons;
    opens ch10.fetch.tests to org.junit.platform.commons;
    opens ch10.bank.tests to org.junit.platform.commons;
    opens ch10.cache.tests to org.junit.platform.commons;
}

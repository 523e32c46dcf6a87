/**
 * The testkit, as a named module in a test JVM: it exports its package to the course's suites
 * alone, and the rule of which frames a thread dump shows ({@code lockstep.testkit.frames}, which the
 * suites never use) to the runner alone, so learner code on the class path can neither call it (to
 * change a bound, say) nor reflect on it, even where the static policy missed a reflective call. At
 * build time and in Lockstep's own tests it sits on the class path, where this descriptor plays no part.
 */
module lockstep.testkit {
    requires java.management;
    requires transitive org.junit.jupiter.api;
    requires transitive awaitility;

    exports lockstep.testkit to lockstep.suites;
    exports lockstep.testkit.frames to lockstep.runner;
}

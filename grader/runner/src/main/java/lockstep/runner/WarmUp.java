package lockstep.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the runner's own warm-up suite once through the launcher, configured as the learner's suite
 * is ({@link SuiteRun#discovery}), with nothing sent to the grader: a test JVM booted ahead does it while the grader is idle, so that the learner's suite
 * does not pay for JUnit's and AssertJ's first use after a save.
 */
final class WarmUp {
    private static final String SUITE = "lockstep.runner.warmup.WarmUpSuite";

    private WarmUp() {}

    /** Whether this JVM was started ahead of its grading, with time to warm up. */
    static boolean wanted() {
        return Boolean.getBoolean("lockstep.warmUp");
    }

    /** Runs the warm-up suite; a failure only costs speed, so it is ignored. */
    static void runQuietly(Launcher launcher) {
        try {
            run(launcher);
        } catch (RuntimeException | LinkageError e) {
            // The learner's suite then pays for the first use itself.
        }
    }

    /** Runs the warm-up suite; the number of its tests that passed (all of them, unless something is broken). */
    static long run(Launcher launcher) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(launcher.discover(SuiteRun.discovery(List.of(selectClass(SUITE)))), summary);
        return summary.getSummary().getTestsSucceededCount();
    }
}

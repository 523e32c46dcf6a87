package lockstep.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lockstep.runner.protocol.RunRequest;
import lockstep.testkit.frames.Frames;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs the requested tests through the JUnit Platform Launcher, with nothing taken from the
 * class path: no auto-registered engines, listeners, filters or configuration files, so code on
 * the class path cannot change how the suite runs or is reported.
 */
final class SuiteRun {
    private final RunRequest request;
    private final EventSink sink;
    private final OutputCapture capture;

    SuiteRun(RunRequest request, EventSink sink, OutputCapture capture) {
        this.request = request;
        this.sink = sink;
        this.capture = capture;
    }

    /** Finds the requested tests; loads the suite's classes without running any code of theirs. */
    TestPlan discover(Launcher launcher) {
        return launcher.discover(discovery(request.tests().stream().map(t -> selectUniqueId(t.uniqueId())).toList()));
    }

    /**
     * A discovery request for {@code selectors} with nothing taken from the class path or the
     * environment: no implicit configuration, no auto-detected extensions, no parallel execution.
     */
    static LauncherDiscoveryRequest discovery(List<? extends DiscoverySelector> selectors) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
    }

    /** Runs the discovered tests, each held to its limit by the watchdog. */
    void execute(Launcher launcher, TestPlan plan) {
        Map<String, Long> limits = request.tests().stream()
                .collect(Collectors.toMap(RunRequest.TestToRun::uniqueId, RunRequest.TestToRun::limitMillis));
        if (limits.isEmpty()) {
            return;
        }
        Watchdog watchdog = Watchdog.start(sink, capture, new Frames(request.learnerPackage()));
        ReportingListener listener = new ReportingListener(sink, capture, watchdog, limits);
        launcher.execute(plan, listener);
    }
}

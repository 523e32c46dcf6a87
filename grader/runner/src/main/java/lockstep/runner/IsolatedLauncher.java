package lockstep.runner;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The one way Lockstep makes a JUnit Platform {@link Launcher}: the Jupiter engine alone, and
 * nothing registered from the class path (engines, listeners, filters), so code on the class path
 * cannot change how a suite is found, run or reported. The runner uses it to run suites and the
 * course build to plan them, so both see the same tests.
 */
public final class IsolatedLauncher {
    private IsolatedLauncher() {}

    public static Launcher create() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
    }
}

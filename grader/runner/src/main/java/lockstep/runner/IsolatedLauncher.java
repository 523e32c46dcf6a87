package lockstep.runner;

import java.util.ServiceLoader;
import org.junit.platform.engine.TestEngine;
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
    private static final String JUPITER = "org.junit.jupiter.engine.JupiterTestEngine";

    private IsolatedLauncher() {}

    public static Launcher create() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .addTestEngines(jupiter())
                .build());
    }

    /**
     * The Jupiter engine, found as a service of JUnit's own module (its package is not exported to
     * named modules), and chosen by its class so that no other provider is ever instantiated.
     */
    private static TestEngine jupiter() {
        return ServiceLoader.load(TestEngine.class, IsolatedLauncher.class.getClassLoader()).stream()
                .filter(provider -> provider.type().getName().equals(JUPITER)
                        && provider.type().getModule().isNamed() == IsolatedLauncher.class.getModule().isNamed())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JUnit Jupiter's engine is missing from the runner's path"))
                .get();
    }
}

package lockstep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void theWarmUpSuiteRunsThroughTheIsolatedLauncherAndEveryTestOfItPasses() {
        assertThat(WarmUp.run(IsolatedLauncher.create())).isEqualTo(2);
    }

    @Test
    void inATestJvmTheRunnerOpensTheWarmUpSuiteToJUnitAlone() throws IOException, URISyntaxException {
        // Test JVMs start the runner as a module: JUnit can run the suite only if the package is opened to it.
        ModuleDescriptor descriptor;
        Path classes = Path.of(WarmUp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("lockstep.runner");
        assertThat(descriptor.opens())
                .filteredOn(o -> o.source().equals("lockstep.runner.warmup"))
                .singleElement()
                .satisfies(o -> assertThat(o.targets()).isEqualTo(Set.of("org.junit.platform.commons")));
        assertThat(descriptor.opens()).allMatch(ModuleDescriptor.Opens::isQualified);
        assertThat(descriptor.exports()).isEmpty();
    }

    @Test
    void onlyAJvmBootedAheadWarmsUp() {
        String before = System.getProperty("lockstep.warmUp");
        try {
            System.clearProperty("lockstep.warmUp");
            assertThat(WarmUp.wanted()).isFalse();
            System.setProperty("lockstep.warmUp", "true");
            assertThat(WarmUp.wanted()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("lockstep.warmUp");
            } else {
                System.setProperty("lockstep.warmUp", before);
            }
        }
    }
}

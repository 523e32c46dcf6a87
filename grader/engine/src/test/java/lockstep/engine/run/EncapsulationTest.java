package lockstep.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.Installation;
import org.junit.jupiter.api.Test;

/** Which JDK modules a test JVM adds: the testkit's, then the course's from its exercise.json files. */
class EncapsulationTest {
    private static final RunnerPath MODULAR = new RunnerPath(List.of(Path.of("runner.jar")), List.of(),
            List.of("lockstep.suites"));

    @Test
    void addsTheTestkitsModulesThenTheCoursesEachOnce() {
        List<String> options = Encapsulation.options(Installation.currentJava(), MODULAR,
                List.of("java.net.http", "java.logging", "jdk.httpserver"));

        assertThat(options).containsSubsequence("--add-modules",
                "java.logging,java.management,java.net.http,jdk.httpserver,ALL-MODULE-PATH");
        assertThat(options).containsSubsequence("--add-reads", "lockstep.suites=ALL-UNNAMED");
    }

    @Test
    void addsNoModuleWhenTheRunnerIsNoNamedModule() {
        RunnerPath flat = new RunnerPath(List.of(), List.of(Path.of("runner.jar")), List.of());

        assertThat(Encapsulation.options(Installation.currentJava(), flat, List.of("java.net.http")))
                .doesNotContain("--add-modules");
    }
}

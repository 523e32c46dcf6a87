package lockstep.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import lockstep.engine.Installation;
import lockstep.engine.sandbox.Detection;
import lockstep.engine.sandbox.Limits;
import lockstep.engine.sandbox.Sandbox;
import lockstep.engine.sandbox.SandboxMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ConfinementProbes} in a real child JVM under the sandbox this machine gives (skipped
 * where bubblewrap is not usable), and {@code FixtureSuite} without one.
 */
@Timeout(120)
class SandboxTest {
    private static final String PROBE = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.ConfinementProbes]";
    private static final String FIXTURE = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.FixtureSuite]";

    @TempDir
    Path work;

    private static JvmOptions options() {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return JvmOptions.defaults(Installation.currentJava(), classpath);
    }

    private RunSpec spec(String suite, List<String> methods) throws Exception {
        return new RunSpec(methods.stream()
                .map(m -> new RunSpec.TestSpec(suite + "/[method:" + m + "()]", Duration.ofSeconds(20))).toList(),
                Files.createDirectories(work.resolve("learner")), Files.createDirectories(work.resolve("scratch")),
                Duration.ofSeconds(90), 1.0);
    }

    @Test
    void theSandboxTakesAwayNetworkProcTheRepositoryWritesRootAndOrphans() throws Exception {
        Sandbox sandbox = Detection.detect(SandboxMode.AUTO, Installation.currentJava());
        assumeTrue(sandbox.description().active(), "no usable OS sandbox here: " + sandbox.description().summary());
        Path repo = Path.of("").toAbsolutePath().getParent().getParent();
        assertThat(repo.resolve("pom.xml")).as("the repository, seen from the grader").exists();
        String orphanSleep = "29." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        List<String> probes = List.of("onlyTheLoopbackInterfaceExists", "thereIsNoProc", "theRepositoryIsNotVisible",
                "theJdkIsReadOnly", "theTemporaryFolderRefusesWritesBeyondItsCap", "itsPidIsSmallInANewPidNamespace",
                "itDoesNotRunAsRoot", "leavesAnOrphanBehind");
        RunSpec spec = spec(PROBE, probes);
        Files.writeString(spec.learnerClasses().resolve("lockstep-probe.properties"),
                "repo=" + repo + "\norphanSleep=" + orphanSleep + "\n");

        RunResult result = SuiteRunner.create(options().withSandbox(sandbox)).run(spec);

        Map<String, TestRun> runs = result.tests().stream()
                .collect(Collectors.toMap(t -> t.uniqueId().replaceAll(".*method:(\\w+).*", "$1"), Function.identity()));
        for (String probe : probes) {
            assertThat(runs.get(probe).ending()).as(probe + ": " + runs.get(probe).failure().map(Object::toString).orElse(""))
                    .isEqualTo(TestRun.Ending.SUCCESSFUL);
        }
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep " + orphanSleep)))
                .as("the orphan, after the run").isEmpty();
    }

    @Test
    void aThreadBombStopsAtThePidsLimitWhereCgroupsAllow() throws Exception {
        int maxPids = 256;
        Sandbox sandbox = Detection.detect(SandboxMode.AUTO, Installation.currentJava(),
                Detection.candidates(System.getenv("PATH")), Limits.probe(maxPids, Detection.MAX_MEMORY_BYTES));
        assumeTrue(sandbox.description().limits().startsWith("cgroup"), "no limits here: " + sandbox.description().limits());
        RunSpec spec = spec(PROBE, List.of("threadsStopAtThePidsLimit"));
        Files.writeString(spec.learnerClasses().resolve("lockstep-probe.properties"), "maxPids=" + maxPids + "\n");

        RunResult result = SuiteRunner.create(options().withSandbox(sandbox)).run(spec);

        assertThat(result.tests()).extracting(TestRun::ending).as(result.tests().get(0).stop() + " " + result.tests().get(0).failure())
                .containsExactly(TestRun.Ending.SUCCESSFUL);
    }

    @Test
    void testsEndTheSameWayInTheSandbox() throws Exception {
        Sandbox sandbox = Detection.detect(SandboxMode.AUTO, Installation.currentJava());
        assumeTrue(sandbox.description().active(), "no usable OS sandbox here: " + sandbox.description().summary());
        List<String> methods = List.of("passes", "spinsIgnoringInterrupts", "passesAfterTheStuckOne", "floodsOutput", "exitsTheJvm");
        RunSpec spec = new RunSpec(methods.stream()
                .map(m -> new RunSpec.TestSpec(FIXTURE + "/[method:" + m + "()]", Duration.ofSeconds(m.startsWith("spins") ? 2 : 20)))
                .toList(), Files.createDirectories(work.resolve("learner")), Files.createDirectories(work.resolve("scratch")),
                Duration.ofSeconds(90), 1.0);

        RunResult result = SuiteRunner.create(options().withSandbox(sandbox)).run(spec);

        assertThat(result.tests()).extracting(TestRun::ending).containsExactly(TestRun.Ending.SUCCESSFUL,
                TestRun.Ending.TIMED_OUT, TestRun.Ending.SUCCESSFUL, TestRun.Ending.SUCCESSFUL, TestRun.Ending.JVM_DIED);
        assertThat(result.tests().get(0).output().text()).contains("hello from a passing test");
        assertThat(result.tests().get(4).stop()).get(type(Stop.Exited.class)).extracting(Stop.Exited::exitCode).isEqualTo(0);
        assertThat(result.jvmStarts()).isEqualTo(2);
    }

    @Test
    void withoutBubblewrapGradingStillWorksAndSaysWhyTheSandboxIsOff() throws Exception {
        Sandbox none = Detection.detect(SandboxMode.AUTO, Installation.currentJava(), List.of(work.resolve("no-bin/bwrap")));

        RunResult result = SuiteRunner.create(options().withSandbox(none)).run(spec(FIXTURE, List.of("passes")));

        assertThat(none.description().active()).isFalse();
        assertThat(none.description().summary()).isEqualTo("off: bwrap not found (install the bubblewrap package)");
        assertThat(result.tests()).extracting(TestRun::ending).containsExactly(TestRun.Ending.SUCCESSFUL);
    }
}

package lockstep.engine.run;

import static lockstep.testkit.Lockstep.scaledMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lockstep.engine.Installation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code FixtureSuite} in real child JVMs and checks what the grader makes of each ending. */
@Timeout(120)
class ChildJvmRunnerTest {
    private static final String CLASS = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.FixtureSuite]";

    @TempDir
    static Path work;

    private static Map<String, TestRun> runs;
    private static RunResult result;
    /** What the run's listener heard, in order: "started m" and "finished m". */
    private static final List<String> heard = new java.util.ArrayList<>();

    private static SuiteRunner runner() {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return SuiteRunner.create(JvmOptions.defaults(Installation.currentJava(), classpath));
    }

    @BeforeAll
    static void runTheFixture() throws Exception {
        SuiteRunner runner = runner();
        List<String> methods = List.of("passes", "failsAnAssertion", "throwsAnError", "spinsIgnoringInterrupts",
                "passesAfterTheStuckOne", "floodsOutput", "exitsTheJvm", "passesAfterTheExit", "exhaustsTheHeap",
                "passesAfterRunningOutOfMemory");
        Path learner = Files.createDirectories(work.resolve("learner"));
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        RunSpec spec = new RunSpec(methods.stream()
                .map(m -> new RunSpec.TestSpec(CLASS + "/[method:" + m + "()]", Duration.ofSeconds(m.startsWith("spins") ? 2 : 20)))
                .toList(), learner, scratch, Duration.ofSeconds(90), 1.0, "lockstep.engine.run.fixture");
        try (SuiteRunner.Prepared prepared = runner.prepare(spec)) {
            result = prepared.run(new RunListener() {
                @Override
                public void testStarted(RunSpec.TestSpec test) {
                    heard.add("started " + method(test.uniqueId()));
                }

                @Override
                public void testFinished(String uniqueId) {
                    heard.add("finished " + method(uniqueId));
                }
            });
        }
        runs = result.tests().stream().collect(Collectors.toMap(t -> method(t.uniqueId()), Function.identity()));
    }

    private static String method(String uniqueId) {
        return uniqueId.replaceAll(".*method:(\\w+).*", "$1");
    }

    @Test
    void theListenerHearsEveryTestStartAndEndHoweverItEnds() {
        long ran = runs.values().stream().filter(run -> run.ending() != TestRun.Ending.NOT_RUN).count();
        assertThat(heard).hasSize((int) (2 * ran)).contains("started spinsIgnoringInterrupts", "finished spinsIgnoringInterrupts",
                "started exitsTheJvm", "finished exitsTheJvm", "started exhaustsTheHeap", "finished exhaustsTheHeap");
        for (int i = 0; i < heard.size(); i += 2) {
            assertThat(heard.get(i + 1)).as("each test ends before the next starts").isEqualTo(heard.get(i).replace("started", "finished"));
        }
    }

    @Test
    void aPassingTestPassesAndKeepsItsOutput() {
        assertThat(runs.get("passes").ending()).isEqualTo(TestRun.Ending.SUCCESSFUL);
        assertThat(runs.get("passes").output().text()).contains("hello from a passing test");
    }

    @Test
    void failuresCarryTheThrowable() {
        assertThat(runs.get("failsAnAssertion").ending()).isEqualTo(TestRun.Ending.FAILED);
        assertThat(runs.get("failsAnAssertion").failure().orElseThrow().top().message()).contains("one plus one");
        assertThat(runs.get("throwsAnError").failure().orElseThrow().top().type()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aTestIgnoringInterruptsTimesOutWithADumpAndTheNextTestsStillRun() {
        TestRun stuck = runs.get("spinsIgnoringInterrupts");
        assertThat(stuck.ending()).isEqualTo(TestRun.Ending.TIMED_OUT);
        assertThat(stuck.limitMillis()).isEqualTo(2_000);
        assertThat(stuck.threadDump()).as("the fixture's package is the learner's here")
                .contains("\n  > at lockstep.engine.run.fixture.FixtureSuite.spinsIgnoringInterrupts(").doesNotContain("org.junit");
        assertThat(runs.get("passesAfterTheStuckOne").ending()).isEqualTo(TestRun.Ending.SUCCESSFUL);
        assertThat(result.jvmStarts()).as("one JVM, then a fresh one after the overrun, the exit and running out of memory")
                .isEqualTo(4);
    }

    @Test
    void outputIsCappedAndTheDroppedBytesCounted() {
        TestRun flood = runs.get("floodsOutput");
        assertThat(flood.ending()).isEqualTo(TestRun.Ending.SUCCESSFUL);
        assertThat(flood.output().text().length()).isLessThanOrEqualTo(16 * 1024);
        assertThat(flood.output().droppedBytes()).isGreaterThan(9_000_000);
    }

    @Test
    void anExitingJvmCostsTheRunningTestAndAFreshJvmRunsTheRest() {
        assertThat(runs.get("exitsTheJvm").ending()).isEqualTo(TestRun.Ending.JVM_DIED);
        assertThat(runs.get("exitsTheJvm").stop()).get(type(Stop.Exited.class)).extracting(Stop.Exited::exitCode).isEqualTo(0);
        assertThat(runs.get("passesAfterTheExit").ending()).isEqualTo(TestRun.Ending.SUCCESSFUL);
        assertThat(result.completion()).isEqualTo(RunResult.Completion.COMPLETED);
    }

    @Test
    void runningOutOfMemoryIsNamedAndAFreshJvmRunsTheRest() {
        TestRun hog = runs.get("exhaustsTheHeap");
        assertThat(hog.ending()).as("%s", hog).isEqualTo(TestRun.Ending.OUT_OF_MEMORY);
        assertThat(hog.stop()).as("the JVM's own reason and the heap it had").contains(new Stop.OutOfMemory("Java heap space", 256));
        assertThat(runs.get("passesAfterRunningOutOfMemory").ending()).isEqualTo(TestRun.Ending.SUCCESSFUL);
    }

    @Test
    void freshJvmsAfterDeathsAreBoundedAndAForgedOutOfMemoryEarnsNothing() throws Exception {
        String suite = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.DyingSuite]";
        List<String> methods = List.of("forgesRunningOutOfMemory", "exits", "halts", "exitsAgain", "neverRunPastTheBound");
        RunSpec spec = new RunSpec(methods.stream()
                .map(m -> new RunSpec.TestSpec(suite + "/[method:" + m + "()]", Duration.ofSeconds(20))).toList(),
                Files.createDirectories(work.resolve("learner5")), Files.createDirectories(work.resolve("scratch5")),
                Duration.ofSeconds(90), 1.0);

        RunResult dying = runner().run(spec);

        assertThat(dying.tests()).extracting(TestRun::ending).containsExactly(TestRun.Ending.OUT_OF_MEMORY,
                TestRun.Ending.JVM_DIED, TestRun.Ending.JVM_DIED, TestRun.Ending.JVM_DIED, TestRun.Ending.NOT_RUN);
        assertThat(dying.tests().get(2).stop()).get(type(Stop.Exited.class)).extracting(Stop.Exited::exitCode).isEqualTo(7);
        assertThat(dying.tests().get(4).stop()).isEqualTo(dying.stop());
        assertThat(dying.jvmStarts()).isEqualTo(1 + ChildJvmRunner.MAX_RESTARTS_AFTER_DEATH);
        assertThat(dying.completion()).isEqualTo(RunResult.Completion.CRASHED);
        assertThat(dying.stop()).contains(new Stop.TooManyDeaths(4, ChildJvmRunner.MAX_RESTARTS_AFTER_DEATH, 1));
    }

    @Test
    void aPreparedRunIsUsableUntilItsJvmDiesWhileItWaits() throws Exception {
        Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        RunSpec spec = new RunSpec(List.of(new RunSpec.TestSpec(CLASS + "/[method:passes()]", Duration.ofSeconds(20))),
                Files.createDirectories(work.resolve("learner6")), Files.createDirectories(work.resolve("scratch6")),
                Duration.ofSeconds(60), 1.0);

        try (SuiteRunner.Prepared prepared = runner().prepare(spec)) {
            assertThat(prepared.usable()).as("booting, waiting to run").isTrue();
            // This test's own children: the test JVM and the sandbox around it, if any.
            List<ProcessHandle> booted = ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid())).toList();
            assertThat(booted).isNotEmpty();
            booted.forEach(ProcessHandle::destroyForcibly);

            await().atMost(scaledMillis(20_000)).until(() -> !prepared.usable());
        }
    }

    @Test
    void theExercisesOverallLimitStopsTheRunAndLeavesTheRestNotRun() throws Exception {
        Path scratch = Files.createDirectories(work.resolve("scratch2"));
        RunSpec spec = new RunSpec(List.of(
                new RunSpec.TestSpec(CLASS + "/[method:passes()]", Duration.ofSeconds(20)),
                new RunSpec.TestSpec(CLASS + "/[method:spinsIgnoringInterrupts()]", Duration.ofSeconds(60)),
                new RunSpec.TestSpec(CLASS + "/[method:passesAfterTheStuckOne()]", Duration.ofSeconds(20))),
                Files.createDirectories(work.resolve("learner2")), scratch, Duration.ofSeconds(10), 1.0);

        long start = System.nanoTime();
        RunResult limited = runner().run(spec);

        // The overall limit counts from the start of the JVM: 10 s leave a busy machine time to start
        // it and pass the first test. Stopped by it, the run ends long before the spinning test's own 60 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(scaledMillis(40_000));
        assertThat(limited.completion()).isEqualTo(RunResult.Completion.TIMED_OUT);
        assertThat(limited.tests()).extracting(TestRun::ending)
                .containsExactly(TestRun.Ending.SUCCESSFUL, TestRun.Ending.TIMED_OUT, TestRun.Ending.NOT_RUN);
        Stop limit = new Stop.ExerciseLimit(Duration.ofSeconds(10));
        assertThat(limited.stop()).contains(limit);
        assertThat(limited.tests()).extracting(TestRun::stop)
                .containsExactly(Optional.empty(), Optional.of(limit), Optional.of(limit));
    }

    @Test
    void aForgedReportIsCaughtAndEarnsNothing() throws Exception {
        String suite = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.ForgingSuite]";
        RunSpec spec = new RunSpec(List.of(
                new RunSpec.TestSpec(suite + "/[method:forgesAPassForTheNextTest()]", Duration.ofSeconds(20)),
                new RunSpec.TestSpec(suite + "/[method:failsHonestly()]", Duration.ofSeconds(20))),
                Files.createDirectories(work.resolve("learner3")), Files.createDirectories(work.resolve("scratch3")),
                Duration.ofSeconds(60), 1.0);

        RunResult forged = runner().run(spec);

        assertThat(forged.completion()).isEqualTo(RunResult.Completion.CRASHED);
        assertThat(forged.stop()).get(type(Stop.BrokenChannel.class)).extracting(b -> b.error().kind())
                .isEqualTo(ChannelError.Kind.TAMPERED);
        assertThat(forged.tests()).extracting(TestRun::ending).doesNotContain(TestRun.Ending.SUCCESSFUL);
    }

    @Test
    void classPathCodeCannotReachTheRunnerTheTestkitOrTheJvmsInternals() throws Exception {
        String suite = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.ReachingSuite]";
        List<String> methods = List.of("theRunnerIsANamedModuleThatOpensNothing", "theTestkitIsANamedModuleExportedToTheSuitesAlone",
                "unsafeAndInstrumentationAreNotInTheJvm", "theJdksInternalsStayClosed");
        RunSpec spec = new RunSpec(methods.stream()
                .map(m -> new RunSpec.TestSpec(suite + "/[method:" + m + "()]", Duration.ofSeconds(20))).toList(),
                Files.createDirectories(work.resolve("learner4")), Files.createDirectories(work.resolve("scratch4")),
                Duration.ofSeconds(60), 1.0);

        RunResult reached = runner().run(spec);

        assertThat(reached.tests()).as("every reach failed, as it should: %s", reached.tests())
                .extracting(TestRun::ending).containsOnly(TestRun.Ending.SUCCESSFUL);
    }
}

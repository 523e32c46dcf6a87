package lockstep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.catalog.TestCatalogs;
import lockstep.engine.compile.Compiler;
import lockstep.engine.policy.Policy;
import lockstep.engine.result.GradeReport;
import lockstep.engine.run.RunListener;
import lockstep.engine.run.RunResult;
import lockstep.engine.run.RunSpec;
import lockstep.engine.run.SuiteRunner;
import lockstep.engine.run.TestRun;
import lockstep.runner.protocol.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Grader#repeated()}: the work folders are kept and emptied between gradings, and the test
 * JVM of the next grading is prepared after each one, then taken by it; with a stand-in runner that
 * records what it was asked and what classes each run found, and tells the listener of each test.
 */
class GraderRepeatedTest {
    @TempDir
    Path submission;

    /** One prepared run as the stand-in runner saw it. */
    private static final class Run {
        final RunSpec spec;
        volatile boolean ran;
        volatile boolean closed;
        /** False once the test says its JVM died while it waited. */
        volatile boolean alive = true;
        volatile List<String> classesFound = List.of();

        Run(RunSpec spec) {
            this.spec = spec;
        }
    }

    private final List<Run> prepared = new CopyOnWriteArrayList<>();

    private final SuiteRunner runner = spec -> {
        Run run = new Run(spec);
        prepared.add(run);
        return new SuiteRunner.Prepared() {
            @Override
            public void load() {}

            @Override
            public RunResult run(RunListener listener) {
                run.ran = true;
                try (Stream<Path> files = Files.walk(spec.learnerClasses())) {
                    run.classesFound = files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> f.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                spec.tests().forEach(t -> {
                    listener.testStarted(t);
                    listener.testFinished(t.uniqueId());
                });
                List<TestRun> runs = spec.tests().stream().map(t -> new TestRun(t.uniqueId(), TestRun.Ending.SUCCESSFUL,
                        Optional.empty(), "", Optional.empty(), Event.Output.NONE, 1, t.limit().toMillis())).toList();
                return new RunResult(runs, RunResult.Completion.COMPLETED, Optional.empty(), 0, 1);
            }

            @Override
            public boolean usable() {
                return run.alive && !run.ran;
            }

            @Override
            public void close() {
                run.closed = true;
            }
        };
    };

    private Grader grader() {
        String pkg = "ch10.fine";
        Exercise fine = new Exercise("fine", "Exercise fine", pkg, 1, List.of("Fine"), List.of(), List.of(), 30, List.of(), List.of(),
                List.of(new PlannedTest("[engine:junit-jupiter]/[class:" + Exercise.suitePackage(pkg) + ".FineTest]/[method:works()]",
                        "FineTest#works", "works", 2, "", 5)));
        return new Grader(TestCatalogs.of(List.of(fine)), Compiler.create(), Policy.create(), runner,
                lockstep.engine.sandbox.Sandbox.none("a test runs no JVM").description());
    }

    @Test
    void eachGradingTakesTheRunPreparedAfterTheOneBeforeInTheSameEmptiedFolders() throws IOException {
        write("ch10/fine/Fine.java", "package ch10.fine;\npublic class Fine { public int answer() { return 42; } }\n");
        write("ch10/fine/Extra.java", "package ch10.fine;\nclass Extra {}\n");
        GradeRequest request = GradeRequest.builder(submission).exercise("fine").build();

        try (Grader.Repeated repeated = grader().repeated()) {
            GradeReport first = repeated.grade(request);
            assertThat(first.score()).isEqualTo(2);
            assertThat(prepared).as("the run graded, then the next one booted ahead").hasSize(2);
            assertThat(prepared.get(0).classesFound).containsExactly("Extra.class", "Fine.class");
            assertThat(prepared.get(1).ran).as("booted ahead, not run").isFalse();
            assertThat(prepared.get(1).closed).isFalse();

            Files.delete(submission.resolve("ch10/fine/Extra.java"));
            GradeReport second = repeated.grade(request);

            assertThat(second.score()).isEqualTo(2);
            assertThat(prepared).as("the second grading took the run booted ahead, and booted the next").hasSize(3);
            Run taken = prepared.get(1);
            assertThat(taken.ran).isTrue();
            assertThat(taken.classesFound).as("the classes of the grading before are gone").containsExactly("Fine.class");
            assertThat(taken.spec.learnerClasses()).isEqualTo(prepared.get(0).spec.learnerClasses());
            assertThat(taken.spec.workDir()).isEqualTo(prepared.get(0).spec.workDir());
            assertThat(Files.isDirectory(taken.spec.learnerClasses())).isTrue();
        }
        assertThat(prepared).allMatch(r -> r.closed, "every run closed once the grader is");
        assertThat(prepared.getFirst().spec.learnerClasses()).as("the work folders are deleted").doesNotExist();
    }

    @Test
    void aRunBootedAheadWhoseJvmDiedWhileIdleIsClosedAndAFreshOneTakesItsPlace() throws IOException {
        write("ch10/fine/Fine.java", "package ch10.fine;\npublic class Fine {}\n");
        GradeRequest request = GradeRequest.builder(submission).exercise("fine").build();

        try (Grader.Repeated repeated = grader().repeated()) {
            repeated.grade(request);
            Run bootedAhead = prepared.get(1);
            bootedAhead.alive = false;

            GradeReport second = repeated.grade(request);

            assertThat(second.score()).as("a spare JVM's death is the grader's business, not the learner's").isEqualTo(2);
            assertThat(bootedAhead.ran).isFalse();
            assertThat(bootedAhead.closed).isTrue();
            assertThat(prepared).as("one fresh run for the grading, one booted ahead after it").hasSize(4);
            assertThat(prepared.get(2).ran).isTrue();
            assertThat(prepared.get(3).ran).isFalse();
        }
    }

    @Test
    void aGradingOnItsOwnBootsNothingAhead() throws IOException {
        write("ch10/fine/Fine.java", "package ch10.fine;\npublic class Fine {}\n");

        grader().grade(GradeRequest.builder(submission).exercise("fine").build());

        assertThat(prepared).hasSize(1);
        assertThat(prepared.getFirst().ran).isTrue();
        assertThat(prepared.getFirst().closed).isTrue();
        assertThat(prepared.getFirst().spec.learnerClasses()).doesNotExist();
    }

    @Test
    void theListenerHearsOfEachTestAsItStartsWithItsScaledLimitAndAsItEnds() throws IOException {
        write("ch10/fine/Fine.java", "package ch10.fine;\npublic class Fine {}\n");
        List<String> heard = new CopyOnWriteArrayList<>();
        GradingListener listener = new GradingListener() {
            @Override
            public void testStarted(Exercise exercise, PlannedTest test, Duration limit) {
                heard.add("started " + exercise.id() + " " + test.id() + " " + limit.toMillis());
            }

            @Override
            public void testFinished(Exercise exercise, PlannedTest test) {
                heard.add("finished " + exercise.id() + " " + test.id());
            }
        };

        grader().grade(GradeRequest.builder(submission).exercise("fine").slack(1.5).listener(listener).build());

        assertThat(heard).containsExactly("started fine FineTest#works 7500", "finished fine FineTest#works");
        assertThat(prepared.getFirst().spec.learnerPackage()).isEqualTo("ch10.fine");
    }

    private void write(String relative, String content) throws IOException {
        Path file = submission.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}

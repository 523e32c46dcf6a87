package lockstep.engine;

import static lockstep.testkit.Lockstep.scaledMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.catalog.TestCatalogs;
import lockstep.engine.compile.Compiler;
import lockstep.engine.compile.StrayCompiles;
import lockstep.engine.policy.Policy;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
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
 * The intake end to end through {@link Grader}, with a stand-in test runner that passes every test
 * of an exercise whose classes were compiled and policed: a hostile exercise costs only itself.
 */
class GraderIntakeTest {
    private static final Duration COMPILE_LIMIT = Duration.ofSeconds(1);

    @TempDir
    Path submission;

    @Test
    void aCompileBombAndTenThousandClassesCostOnlyTheirOwnExercises() throws IOException, InterruptedException {
        write("ch10/bomb/Bomb.java", "package ch10.bomb;\nimport java.util.*;\npublic class Bomb {\n"
                + "  static <T> List<T> m(T t) { return null; }\n"
                + "  Object go(boolean b) { return " + "m(b ? m(".repeat(10) + "1" + ") : m(2))".repeat(10) + "; }\n}\n");
        StringBuilder many = new StringBuilder("package ch10.many;\npublic class Many {\n");
        for (int i = 0; i < 10_000; i++) {
            many.append("  static class C").append(i).append(" {}\n");
        }
        write("ch10/many/Many.java", many.append("}\n").toString());
        write("ch10/fine/Fine.java", "package ch10.fine;\npublic class Fine { public int answer() { return 42; } }\n");
        write("ch10/needs/Needs.java", "package ch10.needs;\nimport ch10.needs.util.Helper;\npublic class Needs { Helper helper; }\n");
        write("ch10/needs/util/Helper.java", "package ch10.needs.util;\npublic class Helper {}\n");
        write("org/junit/jupiter/api/Test.java", "package org.junit.jupiter.api;\npublic @interface Test {}\n");
        write("module-info.java", "module sneaky {}\n");
        write("META-INF/services/org.junit.jupiter.api.extension.Extension", "ch10.fine.Sneaky\n");
        try (RandomAccessFile big = new RandomAccessFile(submission.resolve("Big.java").toFile(), "rw")) {
            big.setLength(60L << 20);
        }

        Grader grader = new Grader(TestCatalogs.of(List.of(exercise("bomb", 1), exercise("many", 2), exercise("fine", 3), exercise("needs", 4))),
                // Only the bomb gets the short limit: parsing 10,000 classes may take longer than 1 s on a busy
                // machine, and that exercise must be rejected for its count, not given up on.
                (sources, out, limit) -> Compiler.create().compile(sources, out,
                        sources.stream().anyMatch(f -> f.className().equals("Bomb")) ? COMPILE_LIMIT : limit),
                Policy.create(), new PassingRunner(),
                lockstep.engine.sandbox.Sandbox.none("a test runs no JVM").description());
        long start = System.nanoTime();
        GradeReport report = grader.grade(GradeRequest.builder(submission).build());
        long millis = (System.nanoTime() - start) / 1_000_000;

        ExerciseResult bomb = report.exercises().get(0);
        assertThat(bomb.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(bomb.score()).isZero();
        assertThat(bomb.message()).startsWith("Your code does not compile:\nthe Java compiler gave up after 1 s of work");
        // 1 s of processor time, or the wall-clock backstop (10 x 1 s) where this JVM gets little of a core.
        assertThat(bomb.timing().compileMs()).isGreaterThanOrEqualTo(900L).isLessThan(scaledMillis(15_000).toMillis());

        ExerciseResult tooMany = report.exercises().get(1);
        assertThat(tooMany.status()).isEqualTo(ExerciseStatus.REJECTED);
        assertThat(tooMany.message()).contains("too many classes (10001; at most 500)");

        ExerciseResult fine = report.exercises().get(2);
        assertThat(fine.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(fine.score()).isEqualTo(fine.maxScore()).isEqualTo(2);
        assertThat(fine.message()).isNull();

        ExerciseResult needs = report.exercises().get(3);
        assertThat(needs.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(needs.message()).contains("ch10/needs/Needs.java:2: error: package ch10.needs.util does not exist\n"
                + "import ch10.needs.util.Helper;\n");

        assertThat(report.notes()).containsExactlyInAnyOrder(
                "Skipped Big.java: it is larger than 1024 KiB.",
                "Skipped 2 files (META-INF/services/org.junit.jupiter.api.extension.Extension, module-info.java): resource files and"
                        + " module-info are never put on the class path.",
                "Ignored 2 files (ch10/needs/util/Helper.java, org/junit/jupiter/api/Test.java): none declares an exercise's package;"
                        + " your classes must be in an exercise's package (ch10.bomb, ch10.many, ch10.fine, ch10.needs).");
        assertThat(millis).isLessThan(scaledMillis(20_000).toMillis());
        // Spare the tests after this one the core the given-up compile still burns. Not a check of this test
        // (JavacCompilerTest checks that it ends): on a machine loaded many times over it may take longer.
        StrayCompiles.awaitNone(Duration.ofSeconds(300));
    }

    @Test
    void aFileInOneExercisesFolderThatDeclaresAnothersPackageIsNamedInTheFoldersExercise() throws IOException {
        write("ch10/fine/Fine.java", "package ch10.fine;\npublic class Fine { public int answer() { return 42; } }\n");
        write("ch10/other/Other.java", "package ch10.fine;\npublic class Other {}\n");
        write("flat/Loose.java", "package ch10.fine;\npublic class Loose {}\n");
        Grader grader = new Grader(TestCatalogs.of(List.of(exercise("fine", 1), exercise("other", 2))), Compiler.create(),
                Policy.create(), new PassingRunner(), lockstep.engine.sandbox.Sandbox.none("a test runs no JVM").description());

        GradeReport report = grader.grade(GradeRequest.builder(submission).build());

        ExerciseResult fine = report.exercises().get(0);
        assertThat(fine.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(fine.message()).as("Other.java is compiled with ch10.fine, whose folder is not where it is").isNull();
        ExerciseResult other = report.exercises().get(1);
        assertThat(other.status()).isEqualTo(ExerciseStatus.MISSING);
        assertThat(other.message()).endsWith("\nch10/other/Other.java declares package ch10.fine, so it counts for the exercise"
                + " of package ch10.fine, not for this folder's: to count here, its first line must be 'package ch10.other;'.");
        assertThat(report.notes()).as("a file outside any exercise's folder (flat/) gets no such note").isEmpty();
    }

    private static Exercise exercise(String name, int order) {
        String pkg = "ch10." + name;
        String testClass = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Test";
        return new Exercise(name, "Exercise " + name, pkg, order, List.of(testClass.replace("Test", "")), List.of(), List.of(), 30,
                List.of(), List.of(), List.of(new PlannedTest("[engine:junit-jupiter]/[class:" + Exercise.suitePackage(pkg) + "." + testClass + "]/[method:works()]",
                        testClass + "#works", "works", 2, "", 5)));
    }

    private void write(String relative, String content) throws IOException {
        Path file = submission.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Passes every test when the learner classes were compiled; runs nothing. */
    private static final class PassingRunner implements SuiteRunner {
        @Override
        public Prepared prepare(RunSpec spec) {
            return new Prepared() {
                @Override
                public void load() {}

                @Override
                public RunResult run(RunListener listener) {
                    boolean compiled;
                    try (Stream<Path> files = Files.walk(spec.learnerClasses())) {
                        compiled = files.anyMatch(f -> f.toString().endsWith(".class"));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    TestRun.Ending ending = compiled ? TestRun.Ending.SUCCESSFUL : TestRun.Ending.FAILED;
                    List<TestRun> runs = spec.tests().stream().map(t -> new TestRun(t.uniqueId(), ending, Optional.empty(), "", Optional.empty(),
                            Event.Output.NONE, 1, t.limit().toMillis())).toList();
                    return new RunResult(runs, RunResult.Completion.COMPLETED, Optional.empty(), 0, 1);
                }

                @Override
                public boolean usable() {
                    return true;
                }

                @Override
                public void close() {}
            };
        }
    }
}

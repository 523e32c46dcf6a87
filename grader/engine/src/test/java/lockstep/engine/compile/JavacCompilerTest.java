package lockstep.engine.compile;

import static lockstep.testkit.Lockstep.scaledMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import lockstep.engine.compile.CompileResult.GaveUp.Reason;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavacCompilerTest {
    @TempDir
    Path out;

    @Test
    void compilesIntoTheOutputFolder() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("a/Hello.java", "demo", "Hello",
                "package demo;\npublic final class Hello { public static String hi() { return \"hi\"; } }")), out);

        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        assertThat(out.resolve("demo/Hello.class")).exists();
    }

    @Test
    void reportsErrorsAsJavacPrintsThemWithThePathInTheSubmissionTheCodeLineAndACaret() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("x/Broken.java", "demo", "Broken",
                "package demo;\n\npublic class Broken {\n  int x = \"text\";\n}\n")), out);

        assertThat(diagnostics(result)).containsExactly("""
                x/Broken.java:4: error: incompatible types: String cannot be converted to int
                  int x = "text";
                          ^""");
    }

    @Test
    void aMissingSymbolKeepsJavacsDetailLinesAfterTheCaret() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("ch10/spawn/Workers.java", "demo", "Workers",
                "package demo;\nclass Workers {\n\tvoid go() { spawnn(); }\n}\n")), out);

        assertThat(diagnostics(result)).containsExactly("""
                ch10/spawn/Workers.java:3: error: cannot find symbol
                \tvoid go() { spawnn(); }
                \t            ^
                  symbol:   method spawnn()
                  location: class Workers""");
    }

    @Test
    void runsNoAnnotationProcessorsAndSeesNoClassPath() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("U.java", "demo", "U",
                "package demo;\nclass U { org.junit.jupiter.api.Test t; }")), out);

        assertThat(diagnostics(result)).singleElement().asString().contains("U.java:2:", "does not exist");
    }

    @Test
    void anExponentialInferenceBombIsAnErrorAtTheDeadlineAndTheNextCompileWorks() throws IOException, InterruptedException {
        // Nested conditionals in generic calls: javac's time doubles with each level (10 levels take 5 to 40 s, 12 minutes).
        String bomb = "package demo;\nimport java.util.*;\nclass Bomb {\n static <T> List<T> m(T t) { return null; }\n"
                + " Object go(boolean b) { return " + "m(b ? m(".repeat(10) + "1" + ") : m(2))".repeat(10) + "; }\n}\n";
        long start = System.nanoTime();
        CompileResult result = Compiler.create().compile(List.of(source("Bomb", bomb)), out, Duration.ofSeconds(1));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reason(result)).isEqualTo(new Reason.TooLong(Duration.ofSeconds(1)));
        // 1 s of processor time: at once on a quiet machine; where this JVM gets little of a core, at the latest the
        // wall-clock backstop ends it.
        assertThat(millis).isGreaterThanOrEqualTo(900L).isLessThan(scaledMillis(1_000L * JavacCompiler.WALL_FACTOR + 5_000).toMillis());
        assertThat(classFiles()).isEmpty();

        Path elsewhere = Files.createDirectories(out.resolve("next"));
        CompileResult next = Compiler.create().compile(List.of(source("Hello", "package demo; class Hello {}")), elsewhere);
        assertThat(next).isInstanceOf(CompileResult.Compiled.class);

        // The given-up compile stops at its next javac event, without writing anything.
        assertThat(StrayCompiles.awaitNone(Duration.ofSeconds(300))).isTrue();
        assertThat(classFiles()).containsExactly(elsewhere.resolve("demo/Hello.class"));
    }

    @Test
    void theLimitCountsTheCompilesProcessorTimeNotTheTimeItWaits() throws InterruptedException {
        // A compile that waits (as one does for a core on a loaded machine) is not given up at the limit...
        Thread waiting = new Thread(() -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        waiting.start();
        JavacCompiler.awaitWithin(waiting, Duration.ofMillis(300), Duration.ofMinutes(10), start);
        assertThat(waiting.isAlive()).as("still alive when the wait returned").isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1_400L);

        // ...while one that works is, once its thread has used the limit.
        AtomicBoolean stop = new AtomicBoolean();
        Thread working = new Thread(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        start = System.nanoTime();
        working.start();
        try {
            JavacCompiler.awaitWithin(working, Duration.ofMillis(300), Duration.ofMinutes(10), start);
            assertThat(working.isAlive()).as("still alive when the wait returned").isTrue();
            // With the wall-clock backstop out of reach, only the processor time can have ended the wait, however
            // little of a core this JVM gets.
            assertThat(ThreadTime.nanos(working)).isGreaterThan(Duration.ofMillis(300).toNanos());
        } finally {
            stop.set(true);
            working.join();
        }
    }

    @Test
    void aCompileThatGetsNoProcessorIsGivenUpAtTheWallClockBackstop() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Thread stalled = new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        stalled.start();
        try {
            JavacCompiler.awaitWithin(stalled, Duration.ofMinutes(10), Duration.ofMillis(300), start);
            assertThat(stalled.isAlive()).as("still alive when the wait returned").isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300L);
        } finally {
            never.countDown();
            stalled.join();
        }
    }

    @Test
    void deepNestingOverflowsTheCompilersOwnStackAndIsAnErrorNotACrash() {
        for (String deep : List.of("int x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ";",
                "int x(int y) { return y" + "+y".repeat(200_000) + "; }")) {
            long start = System.nanoTime();
            CompileResult result = Compiler.create().compile(List.of(source("Deep", "package demo; class Deep { " + deep + " }")), out);

            assertThat(reason(result)).isInstanceOf(Reason.NestedTooDeeply.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(scaledMillis(10_000).toMillis());
        }
    }

    @Test
    void aConstantThatDoublesFortyTimesIsStoppedBeforeJavacBuildsIt() {
        StringBuilder code = new StringBuilder("package demo; class Doubling { static final String s0 = \"ab\";\n");
        for (int i = 1; i <= 40; i++) {
            code.append("static final String s").append(i).append(" = s").append(i - 1).append(" + s").append(i - 1).append(";\n");
        }
        long start = System.nanoTime();
        CompileResult result = Compiler.create().compile(List.of(source("Doubling", code.append("}").toString())), out);

        assertThat(reason(result)).isEqualTo(new Reason.ConstantTooLong("Doubling.java", "s15", 65_536, 65_535));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(scaledMillis(5_000).toMillis());
    }

    @Test
    void constantsAcrossFilesAndInterfacesAreEstimatedTooAndLegitimateOnesCompile() {
        CompileResult spread = Compiler.create().compile(List.of(
                source("A", "package demo; interface A { String a = B.b + B.b + B.b + B.b; }"),
                source("B", "package demo; class B { static final String b = \"" + "x".repeat(20_000) + "\"; }")), out);
        assertThat(reason(spread)).isEqualTo(new Reason.ConstantTooLong("A.java", "a", 80_000, 65_535));

        CompileResult fine = Compiler.create().compile(List.of(source("C", "package demo; class C {"
                + " static final String c = \"" + "x".repeat(30_000) + "\"; final String d = c + c.length() + c;"
                + " String e = d + d + d; }")), out);
        assertThat(fine).isInstanceOf(CompileResult.Compiled.class);
    }

    @Test
    void tenThousandClassesAreRejectedRightAfterParsingWithoutWritingAny() throws IOException {
        StringBuilder code = new StringBuilder("package demo;\nclass Many {\n");
        for (int i = 0; i < 10_000; i++) {
            code.append("static class C").append(i).append(" {}\n");
        }
        long start = System.nanoTime();
        CompileResult result = Compiler.create().compile(List.of(source("Many", code.append("}\n").toString())), out);

        assertThat(rejection(result)).isEqualTo(new CompileResult.TooManyClasses(10_001, Compiler.MAX_CLASSES));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(scaledMillis(5_000).toMillis());
        assertThat(classFiles()).isEmpty();
    }

    @Test
    void classesAreCountedNestedLocalAndAnonymousAlike() {
        String anonymous = "new Object() {};".repeat(250);
        String local = "class L%d {}";
        StringBuilder code = new StringBuilder("package demo;\nclass Mixed {\n void go() { " + anonymous);
        for (int i = 0; i < 250; i++) {
            code.append(local.formatted(i));
        }
        code.append(" }\n}\n");
        CompileResult over = Compiler.create().compile(List.of(source("Mixed", code.toString())), out);
        assertThat(rejection(over)).isEqualTo(new CompileResult.TooManyClasses(501, 500));

        CompileResult atTheCap = Compiler.create().compile(List.of(source("Mixed",
                code.toString().replaceFirst("class L0 \\{}", ""))), out);
        assertThat(atTheCap).isInstanceOf(CompileResult.Compiled.class);
    }

    @Test
    void aLearnersAnnotationProcessorIsNeverRunEvenWithItsServiceFileBesideTheClasses(@TempDir Path marker) throws IOException {
        Path touched = marker.resolve("processor-ran");
        String processor = """
                package demo;
                import java.util.Set;
                import javax.annotation.processing.*;
                import javax.lang.model.element.TypeElement;
                @SupportedAnnotationTypes("*")
                public final class Sneaky extends AbstractProcessor {
                    @Override public synchronized void init(ProcessingEnvironment env) {
                        try { java.nio.file.Files.createFile(java.nio.file.Path.of("%s")); } catch (Exception e) { throw new IllegalStateException(e); }
                        throw new IllegalStateException("the processor ran");
                    }
                    @Override public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) { return false; }
                }
                """.formatted(touched.toString().replace("\\", "/"));
        assertThat(Compiler.create().compile(List.of(source("Sneaky", processor)), out)).isInstanceOf(CompileResult.Compiled.class);
        Path services = out.resolve("META-INF/services/javax.annotation.processing.Processor");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "demo.Sneaky\n");

        // Compiling again into the same folder, with the processor's class and service file there.
        CompileResult again = Compiler.create().compile(List.of(source("Sneaky", processor),
                source("Annotated", "package demo; @Deprecated class Annotated {}")), out);

        assertThat(again).isInstanceOf(CompileResult.Compiled.class);
        assertThat(touched).doesNotExist();
    }

    private static SourceFile source(String name, String content) {
        return new SourceFile(name + ".java", "demo", name, content);
    }

    private List<Path> classFiles() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList();
        }
    }

    /** The diagnostics of a compile that must have failed. */
    private static List<String> diagnostics(CompileResult result) {
        assertThat(result).isInstanceOf(CompileResult.Failed.class);
        return ((CompileResult.Failed) result).diagnostics();
    }

    /** Why the compiler gave up on a compile that it must have given up. */
    private static Reason reason(CompileResult result) {
        assertThat(result).isInstanceOf(CompileResult.GaveUp.class);
        return ((CompileResult.GaveUp) result).reason();
    }

    /** The reason of a compile that must have been refused. */
    private static CompileResult.TooManyClasses rejection(CompileResult result) {
        assertThat(result).isInstanceOf(CompileResult.Rejected.class);
        return ((CompileResult.Rejected) result).reason();
    }
}

package lockstep.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy on real compiled code: what it lets through and what it names, with the line. */
class PolicyTest {
    @TempDir
    Path classes;

    private PolicyResult check(String source, List<String> allowed, String... course) {
        String name = source.replaceAll("(?s).*?(?:class|record|interface) (\\w+).*", "$1");
        CompileResult compiled = Compiler.create().compile(List.of(new SourceFile(name + ".java", "ch10.demo", name, source)), classes);
        assertThat(compiled.diagnostics()).isEmpty();
        return Policy.create().check(classes, "ch10.demo", Set.of(course), allowed);
    }

    private List<String> violations(String source) {
        return check(source, List.of()).violations().stream().map(Violation::describe).toList();
    }

    @Test
    void everydayConcurrencyCodeIsAllowed() {
        PolicyResult result = check("""
                package ch10.demo;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.locks.*;
                public final class Everyday {
                    record Pair(int a, String b) {}
                    enum Mode { ONE, TWO }
                    private final ReentrantLock lock = new ReentrantLock();
                    public String run(List<Callable<String>> tasks, Mode mode) throws Exception {
                        assert tasks != null;
                        List<Thread> threads = new ArrayList<>();
                        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
                        for (Callable<String> t : tasks) {
                            threads.add(Thread.ofPlatform().name("t").start(() -> { try { t.call(); } catch (Exception e) { throw new IllegalStateException(e); } }));
                        }
                        for (Thread t : threads) { t.join(); }
                        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> "x", CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS));
                        System.out.println("mode " + mode + " " + new Pair(1, "b") + Thread.currentThread().getName());
                        String label = switch (mode) { case ONE -> "1"; case TWO -> "2"; };
                        map.computeIfAbsent(label, String::length);
                        lock.lock();
                        try { return f.join() + getClass().getSimpleName() + System.nanoTime(); } finally { lock.unlock(); }
                    }
                }
                """, List.of());

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void systemExitIsNamedWithItsLineAlsoAsAMethodReference() {
        assertThat(violations("""
                package ch10.demo;
                public final class Exits {
                    static void now() {
                        System.exit(0);
                    }
                    static java.util.function.IntConsumer later() {
                        return System::exit;
                    }
                }
                """)).containsExactly(
                "Exits.java:4: uses java.lang.System.exit: it would change the test JVM the grader relies on",
                "Exits.java:7: uses java.lang.System.exit: it would change the test JVM the grader relies on");
    }

    @Test
    void reflectionFilesProcessesAndTheNetworkAreDenied() {
        assertThat(violations("""
                package ch10.demo;
                public final class Hostile {
                    static Object all() throws Exception {
                        Object fields = Hostile.class.getDeclaredFields();
                        Object out = new java.io.FileOutputStream("results.json");
                        Object text = java.nio.file.Files.readString(java.nio.file.Path.of("x"));
                        Object process = new ProcessBuilder("sh").start();
                        Object socket = new java.net.Socket("127.0.0.1", 80);
                        System.setOut(null);
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {}));
                        return new Object[] {fields, out, text, process, socket};
                    }
                }
                """)).extracting(v -> v.substring(0, v.indexOf(':', v.indexOf(':') + 1)))
                .contains("Hostile.java:4", "Hostile.java:5", "Hostile.java:6", "Hostile.java:7", "Hostile.java:8",
                        "Hostile.java:9", "Hostile.java:10");
    }

    @Test
    void aSecondTopLevelClassInALearnerFileIsCheckedToo() {
        assertThat(violations("""
                package ch10.demo;
                public final class Outer {
                }
                class Sneaky {
                    void go() { Runtime.getRuntime().halt(0); }
                }
                """)).singleElement().asString().startsWith("Outer.java:5: uses java.lang.Runtime.halt");
    }

    @Test
    void nativeMethodsAreDenied() {
        assertThat(violations("""
                package ch10.demo;
                public final class Native {
                    native void escape();
                }
                """)).singleElement().asString().contains("native method escape");
    }

    @Test
    void anExerciseMayAllowAFamilyBackAndCourseClassesAreNotChecked() {
        String fetch = """
                package ch10.demo;
                public final class Fetch {
                    static Object go() { return java.net.URI.create("http://127.0.0.1/"); }
                }
                """;
        assertThat(check(fetch, List.of("java/net/URI")).allowed()).isTrue();
        assertThat(check(fetch, List.of()).allowed()).isFalse();
        assertThat(check(fetch, List.of(), "ch10.demo.Fetch").allowed()).isTrue();
    }
}

package lockstep.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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

    private static final String REFLECTION = "reflection reaches into the grader's own classes";
    private static final String FILES = "exercises work in memory; files are the grader's";
    private static final String JVM = "it would change the test JVM the grader relies on";
    private static final String SERIALIZATION = "serialization runs code of any class and is not part of any exercise";

    @Test
    void reflectionByNameIsNamedWithItsLine() {
        assertThat(violations("""
                package ch10.demo;
                public final class ByName {
                    static Object load() throws Exception {
                        return Class.forName("lockstep.runner.Main");
                    }
                    static Object loader() {
                        return Thread.currentThread().getContextClassLoader();
                    }
                }
                """)).contains(
                "ByName.java:4: uses java.lang.Class.forName: " + REFLECTION,
                "ByName.java:7: uses java.lang.Thread.getContextClassLoader: " + JVM,
                "ByName.java:7: uses java.lang.ClassLoader: " + REFLECTION);
    }

    @Test
    void theJvmsControlsAreNamedWithTheirLines() {
        assertThat(violations("""
                package ch10.demo;
                public final class Controls {
                    static void all() {
                        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {});
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {}));
                        System.setOut(System.err);
                        String home = System.getenv("HOME");
                        System.setProperty("junit.jupiter.extensions.autodetection.enabled", "true");
                        System.getProperties().clear();
                        Thread.getAllStackTraces();
                    }
                }
                """)).containsExactly(
                "Controls.java:4: uses java.lang.Thread.setDefaultUncaughtExceptionHandler: " + JVM,
                "Controls.java:5: uses java.lang.Runtime.addShutdownHook: " + JVM,
                "Controls.java:6: uses java.lang.System.setOut: " + JVM,
                "Controls.java:7: uses java.lang.System.getenv: " + JVM,
                "Controls.java:8: uses java.lang.System.setProperty: " + JVM,
                "Controls.java:9: uses java.lang.System.getProperties: " + JVM,
                "Controls.java:10: uses java.lang.Thread.getAllStackTraces: " + JVM);
    }

    @Test
    void filesAreSeenInFieldsSignaturesClassLiteralsLambdasAndFileNameConstructors() {
        assertThat(violations("""
                package ch10.demo;
                import java.util.List;
                public final class Files1 {
                    private java.io.File file;
                    private List<java.io.FileDescriptor> descriptors;
                    static Object literal() {
                        return java.io.FileDescriptor.class;
                    }
                    static Object out() {
                        return java.io.FileDescriptor.out;
                    }
                    static Object writer() throws Exception {
                        return new java.io.PrintWriter("results.json");
                    }
                    static Object lambda() {
                        java.util.function.Consumer<java.nio.file.Path> c = p -> {};
                        return c;
                    }
                }
                """)).contains(
                "Files1.java: uses java.io.File: " + FILES,
                "Files1.java: uses java.io.FileDescriptor: " + FILES,
                "Files1.java:7: uses java.io.FileDescriptor: " + FILES,
                "Files1.java:10: uses java.io.FileDescriptor.out: " + FILES,
                "Files1.java:13: uses java.io.PrintWriter.<init>: " + FILES,
                "Files1.java:16: uses java.nio.file.Path: " + FILES);
    }

    @Test
    void annotationsCatchBlocksAndUnsafeAreSeen() {
        assertThat(violations("""
                package ch10.demo;
                public final class Hidden {
                    @interface Uses { Class<?> value(); }
                    @Uses(java.io.File.class)
                    static void annotated() {}
                    static void caught() {
                        try {
                            annotated();
                        } catch (IllegalStateException | java.lang.reflect.GenericSignatureFormatError e) {
                            annotated();
                        }
                    }
                    static Object unsafe() {
                        return sun.misc.Unsafe.class;
                    }
                }
                """)).contains(
                "Hidden.java: uses java.io.File: " + FILES,
                "Hidden.java:9: uses java.lang.reflect.GenericSignatureFormatError: " + REFLECTION,
                "Hidden.java:14: uses sun.misc.Unsafe: " + REFLECTION);
    }

    @Test
    void serializationIsDeniedAsATypeAndThroughItsHooks() {
        assertThat(violations("""
                package ch10.demo;
                public final class Saved implements java.io.Serializable {
                    private void readObject(java.io.ObjectInputStream in) {
                        System.out.println("runs on deserialization");
                    }
                }
                """)).containsExactly(
                "Saved.java: uses java.io.Serializable: " + SERIALIZATION,
                "Saved.java: uses java.io.ObjectInputStream: " + SERIALIZATION);
    }

    @Test
    void methodHandleConstantsDynamicConstantsAndForeignBootstrapsAreSeen() throws IOException {
        Handle exit = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        Handle halt = new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "halt", "(I)V", false);
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        Handle custom = new Handle(Opcodes.H_INVOKESTATIC, "ch10/demo/Crafted", "bootstrap",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, "ch10/demo/Crafted", null, "java/lang/Object", null);
        writer.visitSource("Crafted.java", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_STATIC, "go", "()V", null, null);
        code.visitCode();
        org.objectweb.asm.Label l1 = new org.objectweb.asm.Label();
        code.visitLabel(l1);
        code.visitLineNumber(11, l1);
        code.visitLdcInsn(halt);
        code.visitInsn(Opcodes.POP);
        org.objectweb.asm.Label l2 = new org.objectweb.asm.Label();
        code.visitLabel(l2);
        code.visitLineNumber(12, l2);
        code.visitLdcInsn(new ConstantDynamic("c", "Ljava/lang/Object;", invoke, exit));
        code.visitInsn(Opcodes.POP);
        org.objectweb.asm.Label l3 = new org.objectweb.asm.Label();
        code.visitLabel(l3);
        code.visitLineNumber(13, l3);
        code.visitInvokeDynamicInsn("run", "()V", custom);
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(2, 0);
        code.visitEnd();
        writer.visitEnd();
        Files.createDirectories(classes.resolve("ch10/demo"));
        Files.write(classes.resolve("ch10/demo/Crafted.class"), writer.toByteArray());

        assertThat(Policy.create().check(classes, "ch10.demo", Set.of(), List.of()).violations())
                .extracting(Violation::describe).contains(
                        "Crafted.java:11: uses java.lang.Runtime.halt: " + JVM,
                        "Crafted.java:12: uses java.lang.System.exit: " + JVM,
                        "Crafted.java:13: uses java.lang.invoke.MethodHandles$Lookup: " + REFLECTION);
    }

    @Test
    void classesOutsideTheExercisePackageAndModuleInfoAreRejected() throws IOException {
        for (String name : List.of("ch10/demo/sub/Deeper", "org/junit/jupiter/api/Test", "Loose")) {
            ClassWriter writer = new ClassWriter(0);
            writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
            writer.visitEnd();
            Path file = classes.resolve(name + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, writer.toByteArray());
        }
        ClassWriter module = new ClassWriter(0);
        module.visit(Opcodes.V21, Opcodes.ACC_MODULE, "module-info", null, null, null);
        module.visitModule("sneaky", 0, null).visitEnd();
        module.visitEnd();
        Files.write(classes.resolve("module-info.class"), module.toByteArray());

        assertThat(Policy.create().check(classes, "ch10.demo", Set.of(), List.of()).violations())
                .extracting(Violation::describe).containsExactlyInAnyOrder(
                        "Loose.java: uses no package: classes must be in the exercise's package ch10.demo",
                        "Deeper.java: uses package ch10.demo.sub: classes must be in the exercise's package ch10.demo",
                        "Test.java: uses package org.junit.jupiter.api: classes must be in the exercise's package ch10.demo",
                        "module-info.java: uses a module declaration: module-info is never put on the class path;"
                                + " classes must be in the exercise's package ch10.demo");
    }

    @Test
    void modernConcurrencyCodeIsAllowed() {
        PolicyResult result = check("""
                package ch10.demo;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.*;
                public final class Modern {
                    sealed interface Shape permits Circle, Square {}
                    record Circle(double r) implements Shape {}
                    record Square(double s) implements Shape {}
                    enum Colour { RED, GREEN }
                    private static final ThreadLocal<Integer> LOCAL = ThreadLocal.withInitial(() -> 0);
                    static String describe(Object o) {
                        return switch (o) {
                            case Colour c when c == Colour.RED -> "red";
                            case Colour c -> "other colour";
                            case Circle(double r) -> "circle " + r;
                            case Square s -> "square";
                            default -> String.format("%s", o);
                        };
                    }
                    static int run() throws Exception {
                        AtomicInteger count = new AtomicInteger();
                        CountDownLatch latch = new CountDownLatch(2);
                        Semaphore permits = new Semaphore(1);
                        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                            for (int i = 0; i < 2; i++) {
                                pool.submit(() -> { count.incrementAndGet(); latch.countDown(); return null; });
                            }
                        }
                        Thread t = Thread.ofVirtual().name("v").start(() -> {
                            try { Thread.sleep(1); permits.acquire(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                        });
                        t.interrupt();
                        t.join();
                        Thread.onSpinWait();
                        latch.await(1, TimeUnit.SECONDS);
                        try { throw new IllegalStateException("x"); } catch (IllegalStateException e) { e.printStackTrace(); }
                        return count.get() + LOCAL.get() + describe(Colour.RED).length() + Runtime.getRuntime().availableProcessors();
                    }
                }
                """, List.of());

        assertThat(result.violations()).isEmpty();
    }

    @Test
    void httpFetchMayUseJavaNetHttpAndUriButNoOtherNetworking() {
        List<String> fetchAllows = List.of("java/net/http/", "java/net/URI");
        String fetch = """
                package ch10.demo;
                import java.net.URI;
                import java.net.http.*;
                public final class Fetcher {
                    static String get(HttpClient client, String url) throws Exception {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
                        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join().body();
                    }
                }
                """;
        assertThat(check(fetch, fetchAllows).violations()).isEmpty();
        assertThat(check(fetch.replace("return client", "new java.net.Socket(); return client"), fetchAllows).violations())
                .extracting(Violation::describe).singleElement().asString()
                .isEqualTo("Fetcher.java:7: uses java.net.Socket: exercises may not use the network");
    }
}

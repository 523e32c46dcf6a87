package lockstep.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The policy on real compiled code: what it lets through and what it names, with the line, why and
 * what to write instead. The honest idioms it must let through are in {@link HonestIdiomsTest}.
 */
class PolicyTest {
    @TempDir
    Path classes;

    private PolicyResult check(String source, List<String> allowed, String... course) {
        return PolicyFixture.check(classes, source, allowed, course);
    }

    private List<String> violations(String source) {
        return check(source, List.of()).violations().stream().map(Violation::describe).toList();
    }

    /** A violation up to what it uses: {@code Groups.java:9: uses java.lang.ThreadGroup.getParent}. */
    private static String usage(String violation) {
        return violation.substring(0, violation.indexOf(": ", violation.indexOf(": uses ") + 1));
    }

    private static final String EXIT = "it ends the test JVM in the middle of the suite; return from your method, or throw"
            + " an exception";
    private static final String ALL_THREADS = "it reaches every thread of the test JVM, the grader's too; keep track of the"
            + " threads you start yourself (a list, an executor)";
    private static final String FILES = "files are the grader's: tests, solutions, results; keep your data in memory"
            + " (fields, collections) and print with System.out";
    private static final String SERIALIZATION = "serialization builds objects of any class, the grader's too, outside your"
            + " code; copy the values you need; implementing Serializable is fine";
    private static final String INTERNAL = "the JDK's internals and tools (sun.*, jdk.*, com.sun.*) reach under the JVM's"
            + " own checks; use the java.* APIs";
    private static final String FIND_ELSEWHERE = "it finds members of a class that is not yours; find only fields and"
            + " methods of your own classes, e.g. MethodHandles.lookup().findVarHandle(Counter.class, \"count\", long.class)";
    private static final String FIND_UNSEEN = "it finds a member by a class or name the grader cannot read from your code;"
            + " write one of your own classes and the member's name literally, e.g."
            + " MethodHandles.lookup().findVarHandle(Counter.class, \"count\", long.class)";

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
                "Exits.java:4: uses java.lang.System.exit: " + EXIT,
                "Exits.java:7: uses java.lang.System.exit: " + EXIT);
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
                """)).singleElement().asString().startsWith("Outer.java:5: uses java.lang.Runtime.halt: " + EXIT);
    }

    @Test
    void nativeMethodsAreDenied() {
        assertThat(violations("""
                package ch10.demo;
                public final class Native {
                    native void escape();
                }
                """)).singleElement().asString().contains("native method escape", "write it in Java");
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
                """)).containsExactly(
                "ByName.java:4: uses java.lang.Class.forName: it loads classes by name, the grader's and the tests' too;"
                        + " use your classes by their names in the code",
                "ByName.java:7: uses java.lang.Thread.getContextClassLoader: class loaders load code the grader never"
                        + " checked; use your classes directly, and new for the objects you need");
    }

    @Test
    void theJvmsControlsAreNamedWithTheirLinesAndWhatToDoInstead() {
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
                "Controls.java:4: uses java.lang.Thread.setDefaultUncaughtExceptionHandler: the test JVM's default handler"
                        + " reports your threads' failures to the grader; catch exceptions in your task, or give your own"
                        + " thread a handler with setUncaughtExceptionHandler",
                "Controls.java:5: uses java.lang.Runtime.addShutdownHook: a shutdown hook runs after the suite, while the"
                        + " grader reads the results; clean up before your method returns: join your threads, close your"
                        + " executors",
                "Controls.java:6: uses java.lang.System.setOut: the test JVM's standard streams carry the grader's events;"
                        + " print with System.out and System.err as they are",
                "Controls.java:7: uses java.lang.System.getenv: the test JVM's environment is cleared and belongs to the"
                        + " grader; take what you need as arguments",
                "Controls.java:8: uses java.lang.System.setProperty: system properties configure the grader and the tests"
                        + " (time bounds, JUnit); read one with System.getProperty; keep your own settings in fields",
                "Controls.java:9: uses java.lang.System.getProperties: system properties configure the grader and the tests"
                        + " (time bounds, JUnit); read one with System.getProperty; keep your own settings in fields",
                "Controls.java:10: uses java.lang.Thread.getAllStackTraces: " + ALL_THREADS);
    }

    @Test
    void deniedMembersAreSeenThroughAnySubclassTheyAreCalledOn() {
        assertThat(violations("""
                package ch10.demo;
                public final class Sub extends Thread {
                    static Object mine() {
                        return getAllStackTraces();
                    }
                    static Object theJdks() {
                        return java.util.concurrent.ForkJoinWorkerThread.getAllStackTraces();
                    }
                    Object group() {
                        return getThreadGroup();
                    }
                    static java.util.function.Supplier<?> reference() {
                        return Sub::getAllStackTraces;
                    }
                }
                """)).containsExactly(
                "Sub.java:4: uses java.lang.Thread.getAllStackTraces: " + ALL_THREADS,
                "Sub.java:7: uses java.lang.Thread.getAllStackTraces: " + ALL_THREADS,
                "Sub.java:10: uses java.lang.Thread.getThreadGroup: " + ALL_THREADS,
                "Sub.java:13: uses java.lang.Thread.getAllStackTraces: " + ALL_THREADS);
    }

    @Test
    void aMethodOfTheLearnersOwnWinsOverTheJdksOfTheSameName() {
        assertThat(violations("""
                package ch10.demo;
                public final class Own extends Thread {
                    public static int enumerate(Thread[] into) {
                        return 0;
                    }
                    static int count() {
                        return enumerate(new Thread[1]) + Own.enumerate(new Thread[1]);
                    }
                }
                """)).isEmpty();
    }

    @Test
    void threadGroupsMayBePassedToThreadsButLeadNowhere() {
        assertThat(violations("""
                package ch10.demo;
                public final class Groups {
                    static Thread made(Runnable task) {
                        ThreadGroup mine = new ThreadGroup("workers");
                        new Thread(mine, task, "one").start();
                        return new Thread((ThreadGroup) null, task, "two", 1 << 20);
                    }
                    static Object climbs() {
                        return new ThreadGroup("workers").getParent();
                    }
                    static int lists(ThreadGroup group) {
                        return group.enumerate(new Thread[10]);
                    }
                    static Object current() {
                        return Thread.currentThread().getThreadGroup();
                    }
                }
                """)).extracting(PolicyTest::usage).containsExactly(
                "Groups.java:9: uses java.lang.ThreadGroup.getParent",
                "Groups.java:12: uses java.lang.ThreadGroup.enumerate",
                "Groups.java:15: uses java.lang.Thread.getThreadGroup");
    }

    @Test
    void filesAreSeenWhereTheyAreReachedNotWhereTheirTypesAreNamed() {
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
                    static Object path() {
                        return java.nio.file.Path.of("results.json");
                    }
                }
                """)).containsExactly(
                "Files1.java:10: uses java.io.FileDescriptor.out: " + FILES,
                "Files1.java:13: uses new java.io.PrintWriter: " + FILES,
                "Files1.java:20: uses java.nio.file.Path.of: " + FILES);
    }

    @Test
    void typesThatAreOnlyNamedReachNothing() {
        assertThat(violations("""
                package ch10.demo;
                import java.lang.invoke.MethodHandles;
                public final class Named {
                    @interface Uses { Class<?> value(); }
                    @Uses(java.io.File.class)
                    static void annotated(java.lang.reflect.Method unused, ThreadGroup group, MethodHandles.Lookup lookup) {}
                    static void caught() {
                        try {
                            annotated(null, null, null);
                        } catch (IllegalStateException | java.lang.reflect.GenericSignatureFormatError e) {
                            annotated(null, null, null);
                        }
                    }
                    static Object cast(Object o) {
                        return o instanceof java.net.Socket s ? (java.io.Closeable) s : (ClassLoader) o;
                    }
                }
                """)).isEmpty();
    }

    @Test
    void theGradersClassesAndTheJdksInternalsAreRefusedWhereverNamed() {
        assertThat(violations("""
                package ch10.demo;
                public final class Hidden {
                    @interface Uses { Class<?> value(); }
                    @Uses(sun.misc.Unsafe.class)
                    static void annotated() {}
                    static Object unsafe() {
                        return sun.misc.Unsafe.class;
                    }
                }
                """)).containsExactly(
                "Hidden.java: uses sun.misc.Unsafe: " + INTERNAL,
                "Hidden.java:7: uses sun.misc.Unsafe: " + INTERNAL);
    }

    @Test
    void serializableClassesAndTheirHooksAreAllowedButObjectStreamsAreNot() {
        assertThat(violations("""
                package ch10.demo;
                import java.io.*;
                public final class Saved implements Serializable {
                    private static final long serialVersionUID = 1L;
                    private transient Object lock = new Object();
                    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
                        in.defaultReadObject();
                        lock = new Object();
                    }
                    static byte[] write(Object o) throws IOException {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                            out.writeObject(o);
                        }
                        return bytes.toByteArray();
                    }
                    static final class Reader extends ObjectInputStream {
                        Reader(InputStream in) throws IOException {
                            super(in);
                        }
                    }
                }
                """)).containsExactly(
                "Saved.java:12: uses new java.io.ObjectOutputStream: " + SERIALIZATION,
                "Saved.java:19: uses new java.io.ObjectInputStream: " + SERIALIZATION);
    }

    @Test
    void lookupsFindOnlyMembersOfTheLearnersOwnClassesWrittenLiterally() {
        assertThat(violations("""
                package ch10.demo;
                import java.lang.invoke.*;
                public final class Finds extends Thread {
                    private volatile long count;
                    static Object own() throws ReflectiveOperationException {
                        Class<?> mine = Finds.class;
                        MethodHandles.Lookup lookup = MethodHandles.lookup();
                        return lookup.findVarHandle(mine, "count", long.class);
                    }
                    static Object theJdks() throws ReflectiveOperationException {
                        return MethodHandles.lookup().findStatic(System.class, "exit", MethodType.methodType(void.class, int.class));
                    }
                    static Object computed(Class<?> any, String name) throws ReflectiveOperationException {
                        return MethodHandles.lookup().findVarHandle(any, name, long.class);
                    }
                    static Object computedName(String name) throws ReflectiveOperationException {
                        return MethodHandles.lookup().findVarHandle(Finds.class, name, long.class);
                    }
                    static Object inherited() throws ReflectiveOperationException {
                        return MethodHandles.lookup().findVirtual(Finds.class, "getThreadGroup", MethodType.methodType(ThreadGroup.class));
                    }
                    static Object reference() {
                        return (java.util.function.Function<Class<?>, ?>) MethodHandles.lookup()::in;
                    }
                    static Object elsewhere() throws ReflectiveOperationException {
                        return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
                    }
                    static Object byName() throws ReflectiveOperationException {
                        return MethodHandles.lookup().findClass("lockstep.runner.Main");
                    }
                }
                """)).containsExactly(
                "Finds.java:11: uses java.lang.invoke.MethodHandles.Lookup.findStatic: " + FIND_ELSEWHERE,
                "Finds.java:14: uses java.lang.invoke.MethodHandles.Lookup.findVarHandle: " + FIND_UNSEEN,
                "Finds.java:17: uses java.lang.invoke.MethodHandles.Lookup.findVarHandle: " + FIND_UNSEEN,
                "Finds.java:20: uses java.lang.Thread.getThreadGroup: " + ALL_THREADS,
                "Finds.java:23: uses java.lang.invoke.MethodHandles.Lookup.in: it moves a lookup to other classes, loads them"
                        + " by name or defines new ones; use MethodHandles.lookup() as it is, in the class whose fields you need",
                "Finds.java:26: uses java.lang.invoke.MethodHandles.privateLookupIn: it opens the private members of another"
                        + " class; call MethodHandles.lookup() in the class that declares the field or method",
                "Finds.java:29: uses java.lang.invoke.MethodHandles.Lookup.findClass: it moves a lookup to other classes,"
                        + " loads them by name or defines new ones; use MethodHandles.lookup() as it is, in the class whose"
                        + " fields you need");
    }

    @Test
    void aLookupIsNotHandedToCodeThatFindsMembersByName() {
        assertThat(violations("""
                package ch10.demo;
                import java.lang.constant.*;
                import java.lang.invoke.*;
                public final class Hands {
                    static Object described() throws ReflectiveOperationException {
                        MethodHandleDesc exit = MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC,
                                ClassDesc.of("java.lang.System"), "exit", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int));
                        return exit.resolveConstantDesc(MethodHandles.lookup());
                    }
                    static Object bootstrap() {
                        return ConstantBootstraps.getStaticFinal(MethodHandles.lookup(), "out", java.io.FileDescriptor.class,
                                java.io.FileDescriptor.class);
                    }
                }
                """)).extracting(PolicyTest::usage).containsExactly(
                "Hands.java:8: uses java.lang.constant.MethodHandleDesc.resolveConstantDesc",
                "Hands.java:11: uses java.lang.invoke.ConstantBootstraps.getStaticFinal");
    }

    @Test
    void apisThatRunCodeNamedInDataAreDenied() {
        assertThat(violations("""
                package ch10.demo;
                public final class ByData {
                    static Object xslt(String stylesheet) throws Exception {
                        return javax.xml.transform.TransformerFactory.newInstance()
                                .newTransformer(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(stylesheet)));
                    }
                    static void statement() throws Exception {
                        new java.beans.Statement(System.class, "exit", new Object[] {0}).execute();
                    }
                    static Object shell() {
                        return jdk.jshell.JShell.create();
                    }
                    static int jar() {
                        return java.util.spi.ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err, "--help");
                    }
                    static Object listeners(Object bean) {
                        return new java.beans.PropertyChangeSupport(bean);
                    }
                }
                """)).extracting(PolicyTest::usage).containsExactly(
                "ByData.java:4: uses javax.xml.transform.TransformerFactory.newInstance",
                "ByData.java:4: uses new javax.xml.transform.stream.StreamSource",
                "ByData.java:5: uses javax.xml.transform.TransformerFactory.newTransformer",
                "ByData.java:8: uses new java.beans.Statement",
                "ByData.java:8: uses java.beans.Statement.execute",
                "ByData.java:11: uses jdk.jshell.JShell",
                "ByData.java:14: uses java.util.spi.ToolProvider.findFirst",
                "ByData.java:14: uses java.util.spi.ToolProvider.run");
    }

    @Test
    void methodHandleConstantsDynamicConstantsAndForeignBootstrapsAreSeen() throws IOException {
        Handle exit = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        Handle halt = new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "halt", "(I)V", false);
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "invoke",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)Ljava/lang/Object;", false);
        Handle getStatic = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "getStaticFinal",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Class;)Ljava/lang/Object;", false);
        Handle custom = new Handle(Opcodes.H_INVOKESTATIC, "ch10/demo/Crafted", "bootstrap",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, "ch10/demo/Crafted", null, "java/lang/Object", null);
        writer.visitSource("Crafted.java", null);
        MethodVisitor code = writer.visitMethod(Opcodes.ACC_STATIC, "go", "()V", null, null);
        code.visitCode();
        line(code, 11);
        code.visitLdcInsn(halt);
        code.visitInsn(Opcodes.POP);
        line(code, 12);
        code.visitLdcInsn(new ConstantDynamic("c", "Ljava/lang/Object;", invoke, exit));
        code.visitInsn(Opcodes.POP);
        line(code, 13);
        code.visitInvokeDynamicInsn("run", "()V", custom);
        line(code, 14);
        code.visitLdcInsn(new ConstantDynamic("out", "Ljava/lang/Object;", getStatic,
                org.objectweb.asm.Type.getType("Ljava/io/FileDescriptor;")));
        code.visitInsn(Opcodes.POP);
        code.visitInsn(Opcodes.RETURN);
        code.visitMaxs(2, 0);
        code.visitEnd();
        writer.visitEnd();
        Files.createDirectories(classes.resolve("ch10/demo"));
        Files.write(classes.resolve("ch10/demo/Crafted.class"), writer.toByteArray());

        assertThat(Policy.create().check(classes, "ch10.demo", Set.of(), List.of()).violations())
                .extracting(Violation::describe).containsExactly(
                        "Crafted.java:11: uses java.lang.Runtime.halt: " + EXIT,
                        "Crafted.java:12: uses java.lang.System.exit: " + EXIT,
                        "Crafted.java:13: uses ch10.demo.Crafted.bootstrap: it calls a bootstrap method javac never emits;"
                                + " write the call in Java; lambdas, method references, records and switches are fine",
                        "Crafted.java:14: uses java.lang.invoke.ConstantBootstraps.getStaticFinal: it calls a bootstrap method"
                                + " javac never emits; write the call in Java; lambdas, method references, records and"
                                + " switches are fine");
    }

    private static void line(MethodVisitor code, int line) {
        org.objectweb.asm.Label label = new org.objectweb.asm.Label();
        code.visitLabel(label);
        code.visitLineNumber(line, label);
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

        String outside = "classes must be in the exercise's package ch10.demo";
        assertThat(Policy.create().check(classes, "ch10.demo", Set.of(), List.of()).violations())
                .extracting(Violation::describe).containsExactlyInAnyOrder(
                        "Loose.java: uses no package: " + outside + "; start the file with: package ch10.demo;",
                        "Deeper.java: uses package ch10.demo.sub: " + outside + "; start the file with: package ch10.demo;",
                        "Test.java: uses package org.junit.jupiter.api: " + outside + "; start the file with: package ch10.demo;",
                        "module-info.java: uses a module declaration: module-info is never put on the class path; " + outside
                                + "; remove module-info.java");
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
                    static String shape(Shape s) {
                        return switch (s) { case Circle c -> "c"; case Square q -> "q"; };
                    }
                    static String colour(Object o) {
                        return switch (o) { case Colour.GREEN -> "green"; default -> "?"; };
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
                .isEqualTo("Fetcher.java:7: uses new java.net.Socket: it opens connections outside the test JVM; work in"
                        + " memory; http-fetch sends its requests only through the HttpClient it is given");
    }
}

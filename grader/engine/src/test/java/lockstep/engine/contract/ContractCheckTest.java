package lockstep.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lockstep.engine.catalog.ContractType;
import lockstep.engine.catalog.TemplateContracts;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How compiled learner classes differ from a template's contract, judged on real javac output: each
 * test compiles an honest implementation with one change (or none) and reads the differences found.
 */
class ContractCheckTest {
    /** The template: what the contract is read from. */
    private static final Map<String, String> TEMPLATE = Map.of(
            "Counter", """
                    package demo;
                    public final class Counter {
                        private Counter() {
                        }

                        public static long countConcurrently(int threads, int incrementsPerThread) throws InterruptedException {
                            throw new UnsupportedOperationException("TODO: count");
                        }
                    }
                    """,
            "Workers", """
                    package demo;
                    import java.util.List;
                    import java.util.concurrent.Callable;
                    public final class Workers {
                        private Workers() {
                        }

                        public static Thread spawn(String name, Runnable work) {
                            throw new UnsupportedOperationException("TODO: spawn");
                        }

                        public static <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws Exception {
                            throw new UnsupportedOperationException("TODO: run them");
                        }
                    }
                    """,
            "Bank", """
                    package demo;
                    public final class Bank {
                        public Bank(int accounts, long balance) {
                            throw new UnsupportedOperationException("TODO: open");
                        }

                        public long balance(int account) {
                            throw new UnsupportedOperationException("TODO: read");
                        }
                    }
                    """,
            "Cache", """
                    package demo;
                    import java.util.function.Function;
                    public final class Cache<K, V> {
                        public Cache(Function<? super K, ? extends V> loader) {
                            throw new UnsupportedOperationException("TODO: keep it");
                        }

                        public V get(K key) {
                            throw new UnsupportedOperationException("TODO: get");
                        }
                    }
                    """,
            "Mutex", """
                    package demo;
                    import java.util.Optional;
                    public final class Mutex<T> {
                        public Mutex(T initial) {
                            throw new UnsupportedOperationException("TODO: keep it");
                        }

                        public Guard<T> lock() {
                            throw new UnsupportedOperationException("TODO: lock");
                        }

                        public Optional<Guard<T>> tryLock() {
                            throw new UnsupportedOperationException("TODO: try");
                        }

                        public interface Guard<T> extends AutoCloseable {
                            T get();

                            @Override
                            void close();
                        }

                        public record Pair<T>(T left, T right) {}
                    }
                    """);

    /** An honest implementation with designs of its own: helpers, extra members and interfaces, no final, other throws and names. */
    private static final Map<String, String> HONEST = Map.of(
            "Counter", """
                    package demo;
                    public final class Counter {
                        private static long helper(long n) {
                            return n;
                        }

                        static int packageHelper() {
                            return 1;
                        }

                        public static long countConcurrently(int t, int n) {
                            return helper((long) t * n);
                        }

                        public static String extraPublicHelper() {
                            return "fine";
                        }
                    }
                    """,
            "Workers", """
                    package demo;
                    import java.util.List;
                    import java.util.concurrent.Callable;
                    public class Workers implements java.io.Serializable {
                        public static Thread spawn(String threadName, Runnable task) {
                            Thread thread = new Thread(task, threadName);
                            thread.start();
                            return thread;
                        }

                        public static <R, C extends Callable<? extends R>> List<R> runAll(List<C> tasks) throws InterruptedException {
                            return List.of();
                        }
                    }
                    """,
            "Bank", """
                    package demo;
                    public final class Bank extends Object {
                        private final long[] balances;

                        public Bank(int n, long opening) {
                            balances = new long[n];
                            java.util.Arrays.fill(balances, opening);
                        }

                        public Bank(int n) {
                            this(n, 0);
                        }

                        public synchronized long balance(int account) {
                            return balances[account];
                        }
                    }
                    """,
            "Cache", """
                    package demo;
                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;
                    import java.util.function.Function;
                    public final class Cache<K, V> implements Function<K, V> {
                        private final Map<K, V> values = new ConcurrentHashMap<>();
                        private final Function<? super K, ? extends V> loader;

                        public Cache(Function<? super K, ? extends V> loader) {
                            this.loader = loader;
                        }

                        public V get(K key) {
                            return values.computeIfAbsent(key, loader);
                        }

                        @Override
                        public V apply(K key) {
                            return get(key);
                        }
                    }
                    """,
            "Mutex", """
                    package demo;
                    import java.util.Optional;
                    import java.util.concurrent.locks.ReentrantLock;
                    public final class Mutex<T> {
                        private final ReentrantLock lock = new ReentrantLock();
                        private T value;

                        public Mutex(T initial) {
                            value = initial;
                        }

                        public Guard<T> lock() {
                            lock.lock();
                            return new Held();
                        }

                        public Optional<Guard<T>> tryLock() {
                            return lock.tryLock() ? Optional.of(new Held()) : Optional.empty();
                        }

                        public interface Guard<T> extends AutoCloseable {
                            T get();

                            @Override
                            void close();
                        }

                        public record Pair<T>(T left, T right) {}

                        private final class Held implements Guard<T> {
                            public T get() {
                                return value;
                            }

                            public void close() {
                                lock.unlock();
                            }
                        }
                    }
                    """);

    @TempDir
    Path dir;

    /** The differences of the honest implementation with {@code changed} classes replaced (an empty source: the class is left out). */
    private List<String> differences(Map<String, String> changed) {
        Path templates = dir.resolve("templates");
        List<ContractType> contract = TemplateContracts.find(write(templates, TEMPLATE), "demo",
                List.of("Counter", "Workers", "Bank", "Cache", "Mutex"));
        Map<String, String> learner = new LinkedHashMap<>(HONEST);
        changed.forEach((name, source) -> {
            if (source.isEmpty()) {
                learner.remove(name);
            } else {
                learner.put(name, source);
            }
        });
        List<SourceFile> sources = new ArrayList<>();
        learner.forEach((name, source) -> sources.add(new SourceFile("demo/" + name + ".java", "demo", name, source)));
        Path classes = dir.resolve("classes");
        assertThat(Compiler.create().compile(sources, classes)).isInstanceOf(CompileResult.Compiled.class);
        return ContractCheck.differences("demo", contract, name -> read(classes.resolve(name + ".class"))).stream()
                .map(ContractCheckTest::summary).toList();
    }

    private static String summary(ContractMismatch mismatch) {
        return mismatch.type().className() + (mismatch.member() == null ? "" : "." + mismatch.member().name()
                + mismatch.member().descriptor()) + " " + mismatch.difference();
    }

    private static String changed(String className, String from, String to) {
        String source = HONEST.get(className);
        assertThat(source).contains(from);
        return source.replace(from, to);
    }

    @Test
    void anHonestImplementationWithDesignsOfItsOwnHasNoDifference() {
        assertThat(differences(Map.of())).isEmpty();
    }

    @Test
    void theTemplateItselfHasNoDifference() {
        assertThat(differences(TEMPLATE)).isEmpty();
    }

    @Test
    void anotherReturnTypeIsThatDifference() {
        assertThat(differences(Map.of("Counter", changed("Counter", "public static long countConcurrently(int t, int n) {\n"
                + "        return helper((long) t * n);", "public static int countConcurrently(int t, int n) {\n        return t * n;"))))
                .containsExactly("Counter.countConcurrently(II)J WrongType[yours=I]");
    }

    @Test
    void aRenamedMethodIsMissingAndTheOnePublicMethodOfItsDescriptorIsNamed() {
        assertThat(differences(Map.of("Workers", changed("Workers", "Thread spawn(", "Thread start("))))
                .containsExactly("Workers.spawn(Ljava/lang/String;Ljava/lang/Runnable;)Ljava/lang/Thread; Missing[yours=[Declared[name=start,"
                        + " descriptor=(Ljava/lang/String;Ljava/lang/Runnable;)Ljava/lang/Thread;]]]");
    }

    @Test
    void otherParameterTypesAreAMissingMethodThatNamesTheLearnersOverloads() {
        assertThat(differences(Map.of("Workers", changed("Workers", "spawn(String threadName, Runnable task)", "spawn(String threadName)")
                .replace("new Thread(task, threadName)", "new Thread(threadName)"))))
                .containsExactly("Workers.spawn(Ljava/lang/String;Ljava/lang/Runnable;)Ljava/lang/Thread; Missing[yours=[Declared[name=spawn,"
                        + " descriptor=(Ljava/lang/String;)Ljava/lang/Thread;]]]");
    }

    @Test
    void aMissingConstructorNamesTheLearnersConstructors() {
        String oneConstructor = changed("Bank", "    public Bank(int n, long opening) {\n"
                + "        balances = new long[n];\n        java.util.Arrays.fill(balances, opening);\n    }\n", "")
                .replace("this(n, 0);", "balances = new long[n];");

        assertThat(differences(Map.of("Bank", oneConstructor)))
                .containsExactly("Bank.<init>(IJ)V Missing[yours=[Declared[name=<init>, descriptor=(I)V]]]");
    }

    @Test
    void aStaticMethodWhereTheContractHasAnInstanceOneIsThatDifference() {
        String staticGet = changed("Cache", "public V get(K key) {\n        return values.computeIfAbsent(key, loader);",
                "public static Object get(Object key) {\n        return key;").replace("return get(key);", "return null;");

        assertThat(differences(Map.of("Cache", staticGet))).containsExactly("Cache.get(Ljava/lang/Object;)Ljava/lang/Object; WrongStatic[mustBeStatic=false]");
    }

    @Test
    void genericSignaturesCompareByErasure() {
        String otherErasure = changed("Workers", "public static <R, C extends Callable<? extends R>> List<R> runAll(List<C> tasks)",
                "public static <C extends java.util.Collection<?>> List<Object> runAll(C tasks)");

        assertThat(differences(Map.of("Workers", otherErasure))).containsExactly(
                "Workers.runAll(Ljava/util/List;)Ljava/util/List; Missing[yours=[Declared[name=runAll,"
                        + " descriptor=(Ljava/util/Collection;)Ljava/util/List;]]]");
    }

    @Test
    void aMemberThatCannotBeReachedMustBePublic() {
        assertThat(differences(Map.of("Bank", changed("Bank", "public synchronized long balance", "synchronized long balance"))))
                .containsExactly("Bank.balance(I)J NotPublic[protectedAllowed=false]");
    }

    @Test
    void aMemberInheritedFromASuperclassOrSuperinterfaceIsThere() {
        String inherited = changed("Bank", "public synchronized long balance(int account) {\n        return balances[account];\n    }\n", "")
                .replace("public final class Bank extends Object {", "public final class Bank extends Base {") + """
                class Base {
                    public long balance(int account) {
                        return 0;
                    }
                }
                """;
        String guardInheritsClose = changed("Mutex", "        @Override\n        void close();\n", "");

        assertThat(differences(Map.of("Bank", inherited, "Mutex", guardInheritsClose))).isEmpty();
    }

    @Test
    void aClassWhereTheContractHasAnInterfaceIsThatDifferenceAlone() {
        String classGuard = changed("Mutex", "public interface Guard<T> extends AutoCloseable {\n        T get();\n\n"
                + "        @Override\n        void close();\n    }", "public abstract static class Guard<T> implements AutoCloseable {\n"
                + "        public abstract T get();\n\n        @Override\n        public abstract void close();\n    }")
                .replace("private final class Held implements Guard<T>", "private final class Held extends Guard<T>");

        assertThat(differences(Map.of("Mutex", classGuard))).containsExactly("Mutex$Guard WrongKind[yours=CLASS]");
    }

    @Test
    void aClassWhereTheContractHasARecordIsThatDifferenceAndItsMembersStillLink() {
        String classPair = changed("Mutex", "public record Pair<T>(T left, T right) {}", """
                public static final class Pair<T> {
                        private final T left;
                        private final T right;

                        public Pair(T left, T right) {
                            this.left = left;
                            this.right = right;
                        }

                        public T left() {
                            return left;
                        }

                        public T right() {
                            return right;
                        }
                    }""");

        assertThat(differences(Map.of("Mutex", classPair))).containsExactly("Mutex$Pair WrongKind[yours=CLASS]");
    }

    @Test
    void aTypeThatNoLongerExtendsItsContractsSupertypeIsThatDifference() {
        assertThat(differences(Map.of("Mutex", changed("Mutex", "public interface Guard<T> extends AutoCloseable {",
                "public interface Guard<T> {").replace("@Override\n        void close();", "void close();"))))
                .containsExactly("Mutex$Guard NoSupertype[supertype=java/lang/AutoCloseable, isInterface=true]");
    }

    @Test
    void aMissingOrHiddenClassAndAnAbstractOneWithConstructorsAreTheirDifferences() {
        assertThat(differences(Map.of("Counter", ""))).containsExactly("Counter Missing[yours=[]]");
        assertThat(differences(Map.of("Counter", changed("Counter", "public final class Counter", "final class Counter"))))
                .containsExactly("Counter NotPublic[protectedAllowed=false]");
        assertThat(differences(Map.of("Bank", changed("Bank", "public final class Bank", "public abstract class Bank"))))
                .containsExactly("Bank Abstract[]");
    }

    private static Path write(Path folder, Map<String, String> sources) {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Files.writeString(folder.resolve(source.getKey() + ".java"), source.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

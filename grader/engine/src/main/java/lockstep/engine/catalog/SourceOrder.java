package lockstep.engine.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The order in which a report lists an exercise's tests: the order the statement introduces them,
 * which the suites follow in their source. The test classes of the learner classes come in the
 * exercise's order of {@code learnerClasses} ({@code MutexTest} before {@code CounterTest}), any other
 * after them by name, and each class's tests as they are declared (the first line of each method, read
 * from its class file with ASM, since reflection gives methods in no defined order).
 */
final class SourceOrder {
    private SourceOrder() {}

    /** {@code tests} in that order; {@code suites} loads the suite classes. */
    static List<PlannedTest> sort(List<PlannedTest> tests, List<String> learnerClasses, String suitePackage, ClassLoader suites) {
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        Comparator<PlannedTest> byClass = Comparator.comparingInt(t -> rank(t.testClass(), learnerClasses));
        return tests.stream().sorted(byClass.thenComparing(PlannedTest::testClass)
                .thenComparingInt(t -> lines.computeIfAbsent(t.testClass(), c -> firstLines(suitePackage + "." + c, suites))
                        .getOrDefault(method(t), Integer.MAX_VALUE))).toList();
    }

    /** Where a test class stands: at its learner class's index ({@code <LearnerClass>Test}), else after them all. */
    private static int rank(String testClass, List<String> learnerClasses) {
        int index = learnerClasses.indexOf(testClass.endsWith("Test") ? testClass.substring(0, testClass.length() - 4) : testClass);
        return index < 0 ? learnerClasses.size() : index;
    }

    private static String method(PlannedTest test) {
        return test.id().substring(test.id().indexOf('#') + 1);
    }

    /** The first source line of each method of a class, by name (an overload keeps its first). */
    static Map<String, Integer> firstLines(String className, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + className);
            }
            ClassNode node = new ClassNode();
            new ClassReader(in).accept(node, ClassReader.SKIP_FRAMES);
            Map<String, Integer> lines = new HashMap<>();
            for (MethodNode method : node.methods) {
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof LineNumberNode line) {
                        lines.merge(method.name, line.line, Math::min);
                        break;
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + className, e);
        }
    }
}

package lockstep.engine.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * {@link Policy} that reads class files with ASM, instruction by instruction, with line numbers:
 * every type, member, method handle, constant and bootstrap argument a class refers to, in code,
 * descriptors, generic signatures and annotations. A first pass reads what every class of the folder
 * declares, so that a member called through a learner's class is judged where it is declared.
 */
final class AsmPolicy implements Policy {
    static final int API = Opcodes.ASM9;
    private static final int MAX_VIOLATIONS = 20;

    @Override
    public PolicyResult check(Path classes, String packageName, Set<String> courseClasses, List<String> allowed) {
        List<Violation> found = new ArrayList<>();
        String packagePath = packageName.replace('.', '/');
        Map<String, byte[]> read = read(classes);
        Hierarchy hierarchy = new Hierarchy();
        read.values().forEach(bytes -> hierarchy.add(new ClassReader(bytes)));
        References refs = new References(packagePath, hierarchy, allowed, found);
        read.forEach((name, bytes) -> {
            String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
            if (!courseClasses.contains(outer)) {
                new ClassReader(bytes).accept(new ClassChecker(packagePath, refs), ClassReader.EXPAND_FRAMES);
            }
        });
        return new PolicyResult(found.size() > MAX_VIOLATIONS ? found.subList(0, MAX_VIOLATIONS) : found);
    }

    /** Every class file under {@code classes}, by binary name, in name order. */
    private static Map<String, byte[]> read(Path classes) {
        Map<String, byte[]> read = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                read.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes in " + classes, e);
        }
        return read;
    }
}

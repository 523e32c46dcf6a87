package lockstep.engine.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * {@link Policy} that reads class files with ASM, instruction by instruction, with line numbers:
 * every type, member, method handle, constant and bootstrap argument a class refers to, in code,
 * descriptors, generic signatures and annotations.
 */
final class AsmPolicy implements Policy {
    static final int API = Opcodes.ASM9;
    private static final int MAX_VIOLATIONS = 20;

    @Override
    public PolicyResult check(Path classes, String packageName, Set<String> courseClasses, List<String> allowed) {
        List<Violation> found = new ArrayList<>();
        String packagePath = packageName.replace('.', '/');
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                if (!courseClasses.contains(outer)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        new ClassReader(in).accept(new ClassChecker(packagePath, allowed, found), 0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes in " + classes, e);
        }
        return new PolicyResult(found.size() > MAX_VIOLATIONS ? found.subList(0, MAX_VIOLATIONS) : found);
    }
}

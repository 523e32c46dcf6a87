package lockstep.engine.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Reads the contract of an exercise's learner classes from its template: compiles the template's
 * package as the grader compiles a submission (Java 21) and reads each learner class's class file
 * with ASM, so that what is recorded is exactly what the suites link against (erased descriptors,
 * a record's accessors, an interface's implicit modifiers), as javac writes it.
 */
public final class TemplateContracts {
    private static final Set<String> IMPLICIT_SUPERCLASSES = Set.of("java/lang/Object", "java/lang/Record", "java/lang/Enum");
    private static final int REACHABLE = Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED;

    private TemplateContracts() {}

    /**
     * The contract types of an exercise: each public learner class in {@code learnerClasses}' order,
     * each followed by the public and protected types nested in it, by name; a class without a template has none.
     *
     * @param templates the template's package folder, {@code templates/<package path>/}, whose
     *     sources compile together
     * @param packageName the exercise's package, e.g. {@code ch10.mutex}
     * @throws IllegalStateException when the template does not compile
     */
    public static List<ContractType> find(Path templates, String packageName, List<String> learnerClasses) {
        if (learnerClasses.stream().noneMatch(c -> Files.isRegularFile(templates.resolve(c + ".java")))) {
            return List.of();
        }
        Path classes = null;
        try {
            classes = Files.createTempDirectory("lockstep-contract-");
            compile(templates, classes);
            Path folder = classes.resolve(packageName.replace('.', '/'));
            List<ContractType> found = new ArrayList<>();
            for (String learner : learnerClasses) {
                if (Files.isRegularFile(templates.resolve(learner + ".java"))) {
                    collect(folder, learner, Opcodes.ACC_PUBLIC, found);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the template " + templates, e);
        } finally {
            deleteTree(classes);
        }
    }

    /** Adds the type {@code className} (access as its declaration says) and the reachable types nested in it. */
    private static void collect(Path folder, String className, int declaredAccess, List<ContractType> found) throws IOException {
        if ((declaredAccess & REACHABLE) == 0) {
            return;
        }
        ClassNode node = new ClassNode();
        new ClassReader(Files.readAllBytes(folder.resolve(className + ".class"))).accept(node, ClassReader.SKIP_CODE);
        found.add(type(node, className));
        List<InnerClassNode> nested = node.innerClasses.stream()
                .filter(inner -> node.name.equals(inner.outerName) && inner.innerName != null)
                .sorted(Comparator.comparing(inner -> inner.innerName))
                .toList();
        for (InnerClassNode inner : nested) {
            collect(folder, className + "$" + inner.innerName, inner.access, found);
        }
    }

    /** The contract of one compiled type: its kind, declared supertypes and reachable members. */
    static ContractType type(ClassNode node, String className) {
        List<String> supertypes = new ArrayList<>();
        if (node.superName != null && !IMPLICIT_SUPERCLASSES.contains(node.superName)) {
            supertypes.add(node.superName);
        }
        supertypes.addAll(node.interfaces);
        List<ContractMember> members = new ArrayList<>();
        for (FieldNode field : node.fields) {
            if (reachable(field.access)) {
                members.add(new ContractMember(ContractMember.Kind.FIELD, field.name, field.desc, isStatic(field.access),
                        isProtected(field.access)));
            }
        }
        for (MethodNode method : node.methods) {
            if (reachable(method.access) && !method.name.equals("<clinit>")) {
                ContractMember.Kind kind = method.name.equals(TodoMethod.CONSTRUCTOR) ? ContractMember.Kind.CONSTRUCTOR
                        : ContractMember.Kind.METHOD;
                members.add(new ContractMember(kind, method.name, method.desc, isStatic(method.access), isProtected(method.access)));
            }
        }
        return new ContractType(className, ContractType.Kind.of(node.access, node.superName),
                (node.access & Opcodes.ACC_ABSTRACT) != 0, supertypes, members);
    }

    /** Public or protected, and written in the source rather than made by javac (a bridge, a lambda's body). */
    private static boolean reachable(int access) {
        return (access & REACHABLE) != 0 && (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0;
    }

    private static boolean isStatic(int access) {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    private static boolean isProtected(int access) {
        return (access & Opcodes.ACC_PROTECTED) != 0;
    }

    /** Compiles every source of the template's package folder into {@code classes}, as a submission is compiled. */
    private static void compile(Path templates, Path classes) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(templates)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Writer errors = new java.io.StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(errors, files, null, List.of("--release", "21", "-proc:none", "-implicit:none",
                    "-nowarn", "-d", classes.toString()), null, files.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                throw new IllegalStateException("the template " + templates + " does not compile:\n" + errors);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }
}

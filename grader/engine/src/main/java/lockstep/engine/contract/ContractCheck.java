package lockstep.engine.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import lockstep.engine.catalog.ContractMember;
import lockstep.engine.catalog.ContractType;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.TodoMethod;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compares a submission's compiled classes with the exercise's {@link Exercise#contract() contract},
 * before its tests run: the suites were compiled against the contract, so each difference found
 * here would otherwise fail every test that uses it with a linkage error. A member is found as the
 * JVM resolves it (declared or inherited, from the submission's classes or the JDK's) by its name and
 * erased descriptor, so what links is never reported: helpers of any access, extra public members
 * and interfaces, {@code final}, other {@code throws} clauses, parameter names or type arguments.
 */
public final class ContractCheck {
    private static final int REACHABLE = Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED;

    private final String packagePath;
    private final ClassFiles classes;

    private ContractCheck(String packageName, ClassFiles classes) {
        this.packagePath = packageName.replace('.', '/');
        this.classes = classes;
    }

    /**
     * How the classes under {@code classes} (a compiler's output folder) differ from the exercise's
     * contract, in the contract's order; none when the catalog records no contract.
     */
    public static List<ContractMismatch> check(Path classes, Exercise exercise) {
        return differences(exercise.packageName(), exercise.contract(), name -> read(classes.resolve(name + ".class")));
    }

    /**
     * How compiled classes differ from a contract, in the contract's order.
     *
     * @param packageName the exercise's package, e.g. {@code ch10.mutex}
     * @param submission the bytes of the submission's compiled class of an internal name, if it has one
     */
    public static List<ContractMismatch> differences(String packageName, List<ContractType> contract,
            Function<String, Optional<byte[]>> submission) {
        ContractCheck check = new ContractCheck(packageName, new ClassFiles(submission));
        List<ContractMismatch> found = new ArrayList<>();
        for (ContractType type : contract) {
            check.compare(type, found);
        }
        return found;
    }

    private void compare(ContractType type, List<ContractMismatch> found) {
        Optional<ClassNode> submitted = classes.submitted(internalName(type));
        if (submitted.isEmpty()) {
            found.add(new ContractMismatch(type, null, new ContractMismatch.Missing(List.of())));
            return;
        }
        ClassNode yours = submitted.get();
        if ((typeAccess(yours) & REACHABLE) == 0) {
            found.add(new ContractMismatch(type, null, new ContractMismatch.NotPublic(false)));
            return;
        }
        ContractType.Kind kind = ContractType.Kind.of(yours.access, yours.superName);
        if (kind != type.kind()) {
            found.add(new ContractMismatch(type, null, new ContractMismatch.WrongKind(kind)));
            if (kind == ContractType.Kind.INTERFACE || type.kind() == ContractType.Kind.INTERFACE) {
                return; // every use of it fails to link, whatever its members
            }
        }
        if (kind != ContractType.Kind.INTERFACE && (yours.access & Opcodes.ACC_ABSTRACT) != 0 && !type.abstractClass()
                && type.members().stream().anyMatch(ContractMember::isConstructor)) {
            found.add(new ContractMismatch(type, null, new ContractMismatch.Abstract()));
        }
        for (String supertype : type.supertypes()) {
            if (!isSubtype(yours, supertype)) {
                boolean isInterface = classes.find(supertype).map(s -> (s.access & Opcodes.ACC_INTERFACE) != 0).orElse(false);
                found.add(new ContractMismatch(type, null, new ContractMismatch.NoSupertype(supertype, isInterface)));
            }
        }
        for (ContractMember member : type.members()) {
            difference(yours, type, member).ifPresent(d -> found.add(new ContractMismatch(type, member, d)));
        }
    }

    /** How the learner's type has {@code member}, if not as the contract has it. */
    private Optional<ContractMismatch.Difference> difference(ClassNode yours, ContractType type, ContractMember member) {
        Optional<Resolved> resolved = resolve(yours, member);
        if (resolved.isPresent()) {
            int access = resolved.get().access();
            if (((access & Opcodes.ACC_STATIC) != 0) != member.staticMember()) {
                return Optional.of(new ContractMismatch.WrongStatic(member.staticMember()));
            }
            boolean reachable = (access & Opcodes.ACC_PUBLIC) != 0 || member.protectedOnly() && (access & Opcodes.ACC_PROTECTED) != 0;
            return reachable ? Optional.empty() : Optional.of(new ContractMismatch.NotPublic(member.protectedOnly()));
        }
        List<ContractMismatch.Declared> sameName = declared(yours, member.kind()).stream()
                .filter(d -> d.name().equals(member.name())).toList();
        if (member.kind() == ContractMember.Kind.FIELD && sameName.size() == 1) {
            return Optional.of(new ContractMismatch.WrongType(sameName.get(0).descriptor()));
        }
        if (member.kind() == ContractMember.Kind.METHOD) {
            String parameters = parameters(member.descriptor());
            Optional<ContractMismatch.Declared> sameParameters = sameName.stream()
                    .filter(d -> parameters(d.descriptor()).equals(parameters)).findFirst();
            if (sameParameters.isPresent()) {
                return Optional.of(new ContractMismatch.WrongType(Type.getReturnType(sameParameters.get().descriptor()).getDescriptor()));
            }
        }
        return Optional.of(new ContractMismatch.Missing(sameName.isEmpty() ? renamed(yours, type, member) : sameName));
    }

    /** The one public member of the learner's type with the descriptor of {@code member} and a name the contract does not have. */
    private static List<ContractMismatch.Declared> renamed(ClassNode yours, ContractType type, ContractMember member) {
        if (member.isConstructor()) {
            return List.of();
        }
        List<ContractMismatch.Declared> candidates = declared(yours, member.kind()).stream()
                .filter(d -> d.descriptor().equals(member.descriptor())
                        && type.members().stream().noneMatch(m -> m.name().equals(d.name())))
                .toList();
        return candidates.size() == 1 ? candidates : List.of();
    }

    /** The public and protected members of one kind that the learner's type declares itself. */
    private static List<ContractMismatch.Declared> declared(ClassNode yours, ContractMember.Kind kind) {
        if (kind == ContractMember.Kind.FIELD) {
            return yours.fields.stream().filter(f -> (f.access & REACHABLE) != 0 && (f.access & Opcodes.ACC_SYNTHETIC) == 0)
                    .map(f -> new ContractMismatch.Declared(f.name, f.desc)).toList();
        }
        boolean constructor = kind == ContractMember.Kind.CONSTRUCTOR;
        return yours.methods.stream()
                .filter(m -> (m.access & REACHABLE) != 0 && (m.access & Opcodes.ACC_SYNTHETIC) == 0
                        && m.name.equals(TodoMethod.CONSTRUCTOR) == constructor && !m.name.equals("<clinit>"))
                .map(m -> new ContractMismatch.Declared(m.name, m.desc)).toList();
    }

    /** The member as the JVM would link a use of it on the learner's type: the access of the one it finds. */
    private record Resolved(int access) {}

    private Optional<Resolved> resolve(ClassNode yours, ContractMember member) {
        return switch (member.kind()) {
            case CONSTRUCTOR -> method(yours, member).map(m -> new Resolved(m.access));
            case FIELD -> resolveField(yours, member);
            case METHOD -> resolveMethod(yours, member);
        };
    }

    /** JVMS 5.4.3.2: the class, then its superinterfaces, then its superclass, each in turn up the hierarchy. */
    private Optional<Resolved> resolveField(ClassNode type, ContractMember member) {
        Optional<FieldNode> declared = type.fields.stream()
                .filter(f -> f.name.equals(member.name()) && f.desc.equals(member.descriptor())).findFirst();
        if (declared.isPresent()) {
            return Optional.of(new Resolved(declared.get().access));
        }
        for (String supertype : supertypes(type)) {
            Optional<Resolved> inherited = classes.find(supertype).flatMap(s -> resolveField(s, member));
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /**
     * JVMS 5.4.3.3 and 5.4.3.4: the class and its superclasses (for an interface, itself, then
     * {@code Object}'s public methods), then any superinterface's method that is neither private nor static.
     */
    private Optional<Resolved> resolveMethod(ClassNode type, ContractMember member) {
        boolean isInterface = (type.access & Opcodes.ACC_INTERFACE) != 0;
        for (ClassNode c = type; c != null; c = isInterface ? null : c.superName == null ? null : classes.find(c.superName).orElse(null)) {
            Optional<MethodNode> declared = method(c, member);
            if (declared.isPresent()) {
                return Optional.of(new Resolved(declared.get().access));
            }
        }
        if (isInterface) {
            Optional<MethodNode> ofObject = classes.find("java/lang/Object").flatMap(o -> method(o, member))
                    .filter(m -> (m.access & Opcodes.ACC_PUBLIC) != 0);
            if (ofObject.isPresent()) {
                return Optional.of(new Resolved(ofObject.get().access));
            }
        }
        for (ClassNode superinterface : superinterfaces(type)) {
            Optional<MethodNode> declared = method(superinterface, member)
                    .filter(m -> (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0);
            if (declared.isPresent()) {
                return Optional.of(new Resolved(declared.get().access));
            }
        }
        return Optional.empty();
    }

    private static Optional<MethodNode> method(ClassNode type, ContractMember member) {
        return type.methods.stream().filter(m -> m.name.equals(member.name()) && m.desc.equals(member.descriptor())).findFirst();
    }

    /** Every interface {@code type} and its superclasses implement, directly or through other interfaces. */
    private List<ClassNode> superinterfaces(ClassNode type) {
        List<ClassNode> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<ClassNode> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            ClassNode next = todo.pop();
            for (String supertype : supertypes(next)) {
                Optional<ClassNode> node = classes.find(supertype);
                if (seen.add(supertype) && node.isPresent()) {
                    if ((node.get().access & Opcodes.ACC_INTERFACE) != 0) {
                        found.add(node.get());
                    }
                    todo.add(node.get());
                }
            }
        }
        return found;
    }

    /** Whether {@code type} is {@code supertype} (internal name) or extends or implements it, directly or not. */
    private boolean isSubtype(ClassNode type, String supertype) {
        Set<String> seen = new HashSet<>();
        Deque<ClassNode> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            ClassNode next = todo.pop();
            if (next.name.equals(supertype)) {
                return true;
            }
            for (String s : supertypes(next)) {
                if (seen.add(s)) {
                    classes.find(s).ifPresent(todo::add);
                }
            }
        }
        return false;
    }

    /** A type's direct interfaces, then its superclass (none for {@code Object}): the order in which fields are looked up. */
    private static List<String> supertypes(ClassNode type) {
        List<String> supertypes = new ArrayList<>(type.interfaces);
        if (type.superName != null) {
            supertypes.add(type.superName);
        }
        return supertypes;
    }

    /** The access of a type as declared: a nested type's from its InnerClasses entry (a class file widens protected to public). */
    private static int typeAccess(ClassNode type) {
        return type.innerClasses.stream().filter(i -> i.name.equals(type.name)).mapToInt(i -> i.access).findFirst()
                .orElse(type.access);
    }

    private String internalName(ContractType type) {
        return packagePath + "/" + type.className();
    }

    /** A method descriptor without its return type: {@code (II)}. */
    private static String parameters(String descriptor) {
        return descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

    private static Optional<byte[]> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled class " + file, e);
        }
    }
}

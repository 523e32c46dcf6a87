package lockstep.engine.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Where a member a class refers to is declared, so that the rules judge the JDK class that declares
 * it: javac names the class a call is written on, so {@code getAllStackTraces()} inside a learner's
 * subclass of {@code Thread} refers to the learner's class, and
 * {@code ForkJoinWorkerThread.getAllStackTraces()} to {@code ForkJoinWorkerThread}. The learner's
 * classes (and the course's, in the same folder) are read from their class files; JDK classes are
 * looked up through the platform class loader, which sees no application class and initializes none.
 */
final class Hierarchy {
    /** JDK classes by internal name; empty when the platform class loader does not know one. */
    private static final Map<String, Optional<Header>> JDK = new ConcurrentHashMap<>();

    private final Map<String, Header> learner = new HashMap<>();

    /**
     * A class as far as resolution needs it.
     *
     * @param superName its superclass, null for {@code Object} and for interfaces
     * @param members what it declares: each field, method and constructor by name, and by name and descriptor
     */
    private record Header(boolean isInterface, String superName, List<String> interfaces, Set<String> members) {
        boolean declares(String name, String descriptor) {
            return members.contains(descriptor == null ? name : name + descriptor);
        }
    }

    /** Adds one class of the learner's folder. */
    void add(ClassReader reader) {
        Set<String> members = new HashSet<>();
        reader.accept(new ClassVisitor(AsmPolicy.API) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                members.add(name);
                members.add(name + descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                members.add(name);
                members.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        boolean isInterface = (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
        learner.put(reader.getClassName(), new Header(isInterface, isInterface ? null : reader.getSuperName(),
                List.of(reader.getInterfaces()), Set.copyOf(members)));
    }

    /** Whether {@code type} is one of the classes of the learner's folder. */
    boolean isLearners(String type) {
        return learner.containsKey(type);
    }

    /**
     * The JDK classes on which a reference to member {@code name} of {@code owner} is judged: the class
     * that declares it and that class's superclasses (a rule on a class covers the members its
     * subclasses declare), or none when a learner class declares it (that is code checked on its own).
     * Where no declaration is found (signature-polymorphic methods such as {@code VarHandle.compareAndSet},
     * members reflection hides, a class the JDK does not have) the owner is judged.
     *
     * @param name a field or method name, or {@code <init>}
     * @param descriptor the member's descriptor, or null when only its name is known
     */
    List<String> judged(String owner, String name, String descriptor) {
        if (name.equals("<init>")) {
            return isLearners(owner) ? List.of() : chain(owner); // constructors are not inherited
        }
        for (String type : chain(owner)) {
            Optional<Header> header = header(type);
            if (header.isEmpty() || header.get().declares(name, descriptor)) {
                return isLearners(type) ? List.of() : chain(type);
            }
        }
        Set<String> interfaces = interfacesDeclaring(owner, name, descriptor);
        if (interfaces.isEmpty()) {
            return chain(owner);
        }
        return interfaces.stream().filter(type -> !isLearners(type)).toList();
    }

    /** The interfaces above {@code owner} (or {@code owner} itself) that declare the member: default and static methods, constants. */
    private Set<String> interfacesDeclaring(String owner, String name, String descriptor) {
        Set<String> declaring = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            String type = todo.pop();
            Optional<Header> header = header(type);
            if (!seen.add(type) || header.isEmpty()) {
                continue;
            }
            if (header.get().isInterface() && header.get().declares(name, descriptor)) {
                declaring.add(type);
            }
            if (header.get().superName() != null) {
                todo.add(header.get().superName());
            }
            todo.addAll(header.get().interfaces());
        }
        return declaring;
    }

    /** {@code type} and its superclasses, as far as they are known. */
    private List<String> chain(String type) {
        Set<String> chain = new LinkedHashSet<>();
        for (String t = type; t != null && chain.add(t); t = header(t).map(Header::superName).orElse(null)) {
            // collects
        }
        return List.copyOf(chain);
    }

    private Optional<Header> header(String type) {
        Header own = learner.get(type);
        return own != null ? Optional.of(own) : JDK.computeIfAbsent(type, Hierarchy::jdk);
    }

    /** A JDK class as the platform class loader has it (loaded, never initialized); empty when it has none. */
    private static Optional<Header> jdk(String type) {
        if (type.startsWith("[")) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            Set<String> members = new HashSet<>();
            for (Field f : c.getDeclaredFields()) {
                members.add(f.getName());
                members.add(f.getName() + Type.getDescriptor(f.getType()));
            }
            for (Method m : c.getDeclaredMethods()) {
                members.add(m.getName());
                members.add(m.getName() + Type.getMethodDescriptor(m));
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                members.add("<init>");
                members.add("<init>" + Type.getConstructorDescriptor(k));
            }
            String superName = c.getSuperclass() == null ? null : Type.getInternalName(c.getSuperclass());
            List<String> interfaces = Arrays.stream(c.getInterfaces()).map(Type::getInternalName).toList();
            return Optional.of(new Header(c.isInterface(), superName, interfaces, Set.copyOf(members)));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}

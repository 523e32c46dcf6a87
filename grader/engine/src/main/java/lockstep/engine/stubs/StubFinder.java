package lockstep.engine.stubs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.TodoMethod;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Finds the {@link Exercise#todoMethods() TODO methods} a compiled submission still leaves as the
 * template's stub: a method whose instructions (labels, line numbers and frames aside) are exactly
 * {@code NEW java/lang/UnsupportedOperationException, DUP, LDC "TODO...",
 * INVOKESPECIAL <init>(Ljava/lang/String;)V, ATHROW}; a constructor may first call its superclass's
 * no-argument constructor, as every compiled constructor does. A method the submission does not
 * have, or has in any other shape, is not a stub.
 */
public final class StubFinder {
    private static final String UNSUPPORTED = "java/lang/UnsupportedOperationException";

    private StubFinder() {}

    /**
     * The exercise's TODO methods that the classes under {@code classes} (a compiler's output folder)
     * still leave as stubs, in the catalog's order.
     */
    public static List<TodoMethod> stillStubs(Path classes, Exercise exercise) {
        List<TodoMethod> stubs = new ArrayList<>();
        String folder = exercise.packageName().replace('.', '/');
        for (TodoMethod method : exercise.todoMethods()) {
            Path file = classes.resolve(folder).resolve(method.className() + ".class");
            if (Files.isRegularFile(file) && isStub(read(file), method)) {
                stubs.add(method);
            }
        }
        return stubs;
    }

    /** Whether the class file {@code bytes} has {@code method}, and has it as the template's stub. */
    static boolean isStub(byte[] bytes, TodoMethod method) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node.methods.stream()
                .filter(m -> m.name.equals(method.name()) && method.parameterTypes().equals(simpleNames(m.desc)))
                .findFirst().map(m -> isStubBody(m, method.isConstructor())).orElse(false);
    }

    /** Whether {@code method}'s instructions are the template's stub (after the super call, for a constructor). */
    private static boolean isStubBody(MethodNode method, boolean constructor) {
        if (!method.tryCatchBlocks.isEmpty()) {
            return false;
        }
        List<AbstractInsnNode> body = Arrays.stream(method.instructions.toArray()).filter(i -> i.getOpcode() >= 0).toList();
        if (constructor && body.size() >= 2 && body.get(0) instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD
                && load.var == 0 && body.get(1) instanceof MethodInsnNode superCall && superCall.getOpcode() == Opcodes.INVOKESPECIAL
                && superCall.name.equals("<init>") && superCall.desc.equals("()V")) {
            body = body.subList(2, body.size());
        }
        return body.size() == 5
                && body.get(0) instanceof TypeInsnNode created && created.getOpcode() == Opcodes.NEW && created.desc.equals(UNSUPPORTED)
                && body.get(1).getOpcode() == Opcodes.DUP
                && body.get(2) instanceof LdcInsnNode message && message.cst instanceof String text && text.startsWith("TODO")
                && body.get(3) instanceof MethodInsnNode init && init.getOpcode() == Opcodes.INVOKESPECIAL
                && init.owner.equals(UNSUPPORTED) && init.name.equals("<init>") && init.desc.equals("(Ljava/lang/String;)V")
                && body.get(4).getOpcode() == Opcodes.ATHROW;
    }

    /** The simple names of a method descriptor's parameter types: {@code List}, {@code long[]}, {@code Pair} for {@code Channel$Pair}. */
    static List<String> simpleNames(String descriptor) {
        List<String> names = new ArrayList<>();
        for (Type type : Type.getArgumentTypes(descriptor)) {
            String name = type.getClassName();
            names.add(name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1));
        }
        return names;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled class " + file, e);
        }
    }
}

package lockstep.engine.stubs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.TodoMethod;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

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
        List<String> instructions = new ArrayList<>();
        boolean[] found = {false};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (found[0] || !name.equals(method.name()) || !method.parameterTypes().equals(simpleNames(descriptor))) {
                    return null;
                }
                found[0] = true;
                return new Instructions(instructions);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (!found[0]) {
            return false;
        }
        List<String> body = instructions;
        if (method.isConstructor() && body.size() >= 2 && body.get(0).equals("ALOAD 0")
                && body.get(1).startsWith("INVOKESPECIAL ") && body.get(1).endsWith(".<init>()V")) {
            body = body.subList(2, body.size());
        }
        return body.size() == 5
                && body.get(0).equals("NEW " + UNSUPPORTED)
                && body.get(1).equals("DUP")
                && body.get(2).startsWith("LDC \"TODO")
                && body.get(3).equals("INVOKESPECIAL " + UNSUPPORTED + ".<init>(Ljava/lang/String;)V")
                && body.get(4).equals("ATHROW");
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

    /** Writes each instruction of a method as one line of text; anything else a method holds is not an instruction. */
    private static final class Instructions extends MethodVisitor {
        private final List<String> out;

        Instructions(List<String> out) {
            super(Opcodes.ASM9);
            this.out = out;
        }

        @Override
        public void visitInsn(int opcode) {
            out.add(switch (opcode) {
                case Opcodes.DUP -> "DUP";
                case Opcodes.ATHROW -> "ATHROW";
                default -> "INSN " + opcode;
            });
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            out.add("INT " + opcode + " " + operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            out.add((opcode == Opcodes.ALOAD ? "ALOAD " : "VAR " + opcode + " ") + varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            out.add((opcode == Opcodes.NEW ? "NEW " : "TYPE " + opcode + " ") + type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            out.add("FIELD " + opcode + " " + owner + "." + name);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            out.add((opcode == Opcodes.INVOKESPECIAL ? "INVOKESPECIAL " : "INVOKE " + opcode + " ")
                    + owner + "." + name + descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            out.add("INDY " + name);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            out.add("JUMP " + opcode);
        }

        @Override
        public void visitLdcInsn(Object value) {
            out.add(value instanceof String text ? "LDC \"" + text : "LDC " + value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            out.add("IINC");
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            out.add("SWITCH");
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            out.add("SWITCH");
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            out.add("MULTIANEWARRAY");
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            out.add("TRY");
        }
    }
}

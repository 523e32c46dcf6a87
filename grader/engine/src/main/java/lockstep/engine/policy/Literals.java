package lockstep.engine.policy;

import java.util.IdentityHashMap;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;

/**
 * One method's operand stack, as ASM's {@link AnalyzerAdapter} follows it instruction by
 * instruction, with every class literal and string literal ({@code ldc}) kept as itself, so that a
 * call can ask which literal one of its arguments is. A literal stays known through stores and loads
 * of local variables in straight-line code; at a merge point (a stack map frame) the stack and the
 * locals are rebuilt from the frame and the literals are forgotten, so the answer is only ever a value
 * the code always passes there.
 */
final class Literals extends AnalyzerAdapter {
    /** The entries this pushed in place of ASM's own, each standing for its literal. */
    private final Map<Object, Object> literals = new IdentityHashMap<>();

    Literals(String owner, int access, String name, String descriptor) {
        super(AsmPolicy.API, owner, access, name, descriptor, null);
    }

    @Override
    public void visitLdcInsn(Object value) {
        super.visitLdcInsn(value);
        boolean literal = value instanceof String || value instanceof Type t && t.getSort() == Type.OBJECT;
        if (literal && stack != null && !stack.isEmpty()) {
            // An entry equal to the one ASM pushed ("java/lang/Class", "java/lang/String") but of its own identity.
            Object entry = new String((String) stack.getLast());
            stack.set(stack.size() - 1, entry);
            literals.put(entry, value);
        }
    }

    /**
     * The literal passed as argument {@code index} of a call with {@code descriptor} about to be made: a
     * {@link Type} for a class literal, a {@code String} for a string; null when that argument is not
     * always one literal.
     */
    Object argument(String descriptor, int index) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (stack == null || index >= arguments.length) {
            return null;
        }
        int depth = 0;
        for (int i = arguments.length - 1; i >= index; i--) {
            depth += arguments[i].getSize();
        }
        int slot = stack.size() - depth;
        return slot < 0 ? null : literals.get(stack.get(slot));
    }
}

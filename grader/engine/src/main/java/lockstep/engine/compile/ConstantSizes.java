package lockstep.engine.compile;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import lockstep.engine.compile.CompileResult.GaveUp.Reason;

/**
 * Estimates, from the parsed sources alone, how long the constant strings javac will fold get, so
 * that a chain of constants each doubling the one before ({@code s1 = s0 + s0; s2 = s1 + s1; ...})
 * is stopped before javac builds gigabytes of text in the grader's memory. The estimate is an upper
 * bound by simple names: a final variable initialised with {@code +} of literals and other such
 * variables counts as the sum of their lengths; anything else counts as nothing.
 */
final class ConstantSizes {
    /** The longest string constant a class file can hold; javac reports "constant string too long" past it. */
    static final long MAX_CONSTANT_CHARS = 65_535;
    private static final long SATURATED = Reason.ConstantTooLong.SATURATED;
    private static final int MAX_PASSES = 64;

    private record Constant(String file, String name, ExpressionTree initializer) {}

    private final List<Constant> constants = new ArrayList<>();
    private boolean checked;

    /** True the first time only: javac enters each source in turn, and one estimate covers them all. */
    boolean checkOnce() {
        boolean first = !checked;
        checked = true;
        return first;
    }

    /** Records the final variables of {@code unit} (every field of an interface is final). */
    void add(CompilationUnitTree unit) {
        String file = unit.getSourceFile().getName().replaceFirst(".*/", "");
        new TreeScanner<Void, Boolean>() {
            @Override
            public Void visitClass(ClassTree tree, Boolean inInterface) {
                boolean iface = tree.getKind() == Tree.Kind.INTERFACE || tree.getKind() == Tree.Kind.ANNOTATION_TYPE;
                for (Tree member : tree.getMembers()) {
                    scan(member, iface);
                }
                return null;
            }

            @Override
            public Void visitVariable(VariableTree tree, Boolean inInterface) {
                boolean isFinal = tree.getModifiers().getFlags().contains(Modifier.FINAL) || Boolean.TRUE.equals(inInterface);
                if (isFinal && tree.getInitializer() != null) {
                    constants.add(new Constant(file, tree.getName().toString(), tree.getInitializer()));
                }
                return super.visitVariable(tree, false);
            }
        }.scan(unit, false);
    }

    /** The first constant that would be too long; empty when none. */
    Optional<Reason.ConstantTooLong> tooLong() {
        Map<String, Long> lengths = new HashMap<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (Constant c : constants) {
                long length = length(c.initializer(), lengths);
                if (length > lengths.getOrDefault(c.name(), 0L)) {
                    lengths.put(c.name(), length);
                    changed = true;
                }
                if (length > MAX_CONSTANT_CHARS) {
                    return Optional.of(new Reason.ConstantTooLong(c.file(), c.name(), length, MAX_CONSTANT_CHARS));
                }
            }
            if (!changed) {
                break;
            }
        }
        return Optional.empty();
    }

    private static long length(ExpressionTree e, Map<String, Long> lengths) {
        return switch (e) {
            case LiteralTree l -> l.getValue() instanceof String s ? s.length() : 24;
            case IdentifierTree i -> lengths.getOrDefault(i.getName().toString(), 0L);
            case MemberSelectTree m -> lengths.getOrDefault(m.getIdentifier().toString(), 0L);
            case ParenthesizedTree p -> length(p.getExpression(), lengths);
            case TypeCastTree t -> length(t.getExpression(), lengths);
            case ConditionalExpressionTree c -> Math.max(length(c.getTrueExpression(), lengths), length(c.getFalseExpression(), lengths));
            case BinaryTree b when b.getKind() == Tree.Kind.PLUS ->
                    Math.min(SATURATED, length(b.getLeftOperand(), lengths) + length(b.getRightOperand(), lengths));
            default -> 0;
        };
    }
}

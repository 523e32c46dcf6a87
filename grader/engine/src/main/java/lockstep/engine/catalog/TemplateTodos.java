package lockstep.engine.catalog;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds a template's {@link TodoMethod}s: the methods and constructors of a learner class whose
 * body is only {@code throw new UnsupportedOperationException("TODO...")}. It reads the source's
 * syntax tree ({@link JavacTask#parse()}, no attribution), so that a comment, a line break or a
 * string that merely mentions TODO changes nothing.
 */
final class TemplateTodos {
    private static final String UNSUPPORTED = "UnsupportedOperationException";

    private TemplateTodos() {}

    /**
     * The TODO methods of each learner class of an exercise, class by class as {@code learnerClasses}
     * lists them, each in source order; a class without a template has none.
     *
     * @param templates the template's package folder, {@code templates/<package path>/}
     */
    static List<TodoMethod> find(Path templates, List<String> learnerClasses) {
        List<TodoMethod> found = new ArrayList<>();
        for (String learner : learnerClasses) {
            Path source = templates.resolve(learner + ".java");
            if (Files.isRegularFile(source)) {
                found.addAll(inClass(source, learner));
            }
        }
        return found;
    }

    /** The TODO methods of the top-level class {@code className} in {@code source}. */
    static List<TodoMethod> inClass(Path source, String className) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, java.nio.charset.StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostic -> {}, List.of("-proc:none"), null,
                    files.getJavaFileObjects(source));
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree declared && declared.getSimpleName().contentEquals(className)) {
                        return inClass(declared);
                    }
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + source, e);
        }
    }

    private static List<TodoMethod> inClass(ClassTree type) {
        Map<String, String> classBounds = bounds(type.getTypeParameters(), Map.of());
        List<MethodTree> todos = type.getMembers().stream()
                .filter(m -> m instanceof MethodTree method && isTodo(method))
                .map(MethodTree.class::cast)
                .toList();
        Map<String, Long> perName = todos.stream().collect(Collectors.groupingBy(m -> m.getName().toString(), Collectors.counting()));
        String className = type.getSimpleName().toString();
        List<TodoMethod> found = new ArrayList<>();
        for (MethodTree method : todos) {
            Map<String, String> bounds = bounds(method.getTypeParameters(), classBounds);
            List<String> erased = new ArrayList<>();
            List<String> written = new ArrayList<>();
            for (VariableTree parameter : method.getParameters()) {
                erased.add(erasure(parameter.getType(), bounds));
                written.add(written(parameter.getType()));
            }
            String name = method.getName().toString();
            String list = "(" + String.join(", ", written) + ")";
            String label = name.equals(TodoMethod.CONSTRUCTOR) ? className + list
                    : className + "." + name + (perName.get(name) > 1 ? list : "");
            found.add(new TodoMethod(className, name, erased, label));
        }
        return found;
    }

    /** Whether the method's body is one statement, {@code throw new UnsupportedOperationException("TODO...")}. */
    static boolean isTodo(MethodTree method) {
        BlockTree body = method.getBody();
        if (body == null || body.getStatements().size() != 1) {
            return false;
        }
        StatementTree only = body.getStatements().get(0);
        if (!(only instanceof ThrowTree thrown) || !(thrown.getExpression() instanceof NewClassTree created)) {
            return false;
        }
        String type = created.getIdentifier().toString();
        if (!(type.equals(UNSUPPORTED) || type.equals("java.lang." + UNSUPPORTED))
                || created.getClassBody() != null || created.getArguments().size() != 1) {
            return false;
        }
        String message = literal(created.getArguments().get(0));
        return message != null && message.startsWith("TODO");
    }

    /** The value of a string literal, or of literals joined with {@code +}; null for anything else. */
    private static String literal(ExpressionTree expression) {
        if (expression instanceof LiteralTree literal && literal.getValue() instanceof String text) {
            return text;
        }
        if (expression.getKind() == Tree.Kind.PLUS && expression instanceof com.sun.source.tree.BinaryTree plus) {
            String left = literal(plus.getLeftOperand());
            String right = literal(plus.getRightOperand());
            return left == null || right == null ? null : left + right;
        }
        if (expression instanceof com.sun.source.tree.ParenthesizedTree parenthesized) {
            return literal(parenthesized.getExpression());
        }
        return null;
    }

    /** Each type variable's erasure by simple name (its first bound, else {@code Object}), over those of {@code outer}. */
    private static Map<String, String> bounds(List<? extends TypeParameterTree> parameters, Map<String, String> outer) {
        Map<String, String> bounds = new HashMap<>(outer);
        for (TypeParameterTree parameter : parameters) {
            bounds.put(parameter.getName().toString(), "Object");
        }
        for (TypeParameterTree parameter : parameters) {
            bounds.put(parameter.getName().toString(),
                    parameter.getBounds().isEmpty() ? "Object" : erasure(parameter.getBounds().get(0), bounds));
        }
        return bounds;
    }

    /** The simple name of a type's erasure, as a descriptor would give it: {@code List}, {@code long[]}, {@code Object}. */
    private static String erasure(Tree type, Map<String, String> bounds) {
        return switch (type) {
            case PrimitiveTypeTree primitive -> primitive.getPrimitiveTypeKind().name().toLowerCase(java.util.Locale.ROOT);
            case ArrayTypeTree array -> erasure(array.getType(), bounds) + "[]";
            case ParameterizedTypeTree generic -> erasure(generic.getType(), bounds);
            case AnnotatedTypeTree annotated -> erasure(annotated.getUnderlyingType(), bounds);
            case IdentifierTree identifier -> bounds.getOrDefault(identifier.getName().toString(), identifier.getName().toString());
            case MemberSelectTree member -> member.getIdentifier().toString();
            default -> type.toString();
        };
    }

    /** A type as its source writes it, without type arguments: {@code T}, {@code List}, {@code long[]}. */
    private static String written(Tree type) {
        return erasure(type, Map.of());
    }
}

package lockstep.course;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Finds AssertJ descriptions that no failure can ever carry, in a suite's source: the learner would
 * read only AssertJ's bare "Expecting code to raise a throwable." instead of what the suite meant to say.
 *
 * <p>Two shapes, read from javac's syntax tree (no regex):
 * <ul>
 *   <li>a description ({@code as}, {@code describedAs}, {@code withFailMessage},
 *       {@code overridingErrorMessage}) after a call that asserts as soon as it is made:
 *       {@code assertThatThrownBy(code)} and {@code isThrownBy(code)} check that the code threw
 *       before the description is set. {@code assertThatThrownBy(code, description)} and
 *       {@code assertThatExceptionOfType(type).as(description).isThrownBy(code)} say it in time;</li>
 *   <li>a description that ends its chain: no assertion comes after it to use it
 *       ({@code assertThat(x).isEqualTo(1).as("x")}).</li>
 * </ul>
 */
final class LateDescriptions {
    private static final Set<String> DESCRIBING = Set.of("as", "describedAs", "withFailMessage", "overridingErrorMessage");

    private LateDescriptions() {}

    /** One description that comes too late: where, and why. */
    record Late(String file, long line, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + why;
        }
    }

    /** The descriptions of {@code source} (named {@code file} in what is returned) that come too late. */
    static List<Late> find(String file, String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + file.replace('\\', '/')),
                javax.tools.JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(unit));
        List<Late> late = new ArrayList<>();
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        for (CompilationUnitTree tree : task.parse()) {
            LineMap lines = tree.getLineMap();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    name(call).filter(DESCRIBING::contains).ifPresent(describing -> {
                        long line = lines.getLineNumber(positions.getEndPosition(tree, call.getMethodSelect()));
                        assertsFirst(call).ifPresent(first -> late.add(new Late(file, line, "." + describing
                                + "(...) comes after " + first + ", which fails before reading it")));
                        Tree parent = getCurrentPath().getParentPath().getLeaf();
                        if (parent instanceof ExpressionStatementTree) {
                            late.add(new Late(file, line, "." + describing + "(...) ends the chain: no assertion after it uses it"));
                        }
                    });
                    return super.visitMethodInvocation(call, unused);
                }
            }.scan(tree, null);
        }
        return late;
    }

    /** The call before {@code describing} in its chain that asserts as soon as it is made, if any. */
    private static Optional<String> assertsFirst(MethodInvocationTree describing) {
        ExpressionTree receiver = ((MemberSelectTree) describing.getMethodSelect()).getExpression();
        while (receiver instanceof MethodInvocationTree call) {
            String name = name(call).orElse("");
            if (name.equals("isThrownBy") || (name.equals("assertThatThrownBy") || name.equals("thenThrownBy"))
                    && call.getArguments().size() == 1) {
                return Optional.of(name + "(...)");
            }
            if (!(call.getMethodSelect() instanceof MemberSelectTree select)) {
                return Optional.empty();
            }
            receiver = select.getExpression();
        }
        return Optional.empty();
    }

    private static Optional<String> name(MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        if (select instanceof MemberSelectTree member) {
            return Optional.of(member.getIdentifier().toString());
        }
        if (select instanceof com.sun.source.tree.IdentifierTree identifier) {
            return Optional.of(identifier.getName().toString());
        }
        return Optional.empty();
    }
}

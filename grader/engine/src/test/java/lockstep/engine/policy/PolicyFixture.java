package lockstep.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.submission.SourceFile;

/**
 * Learner sources of the package {@code ch10.demo} as the grader treats them: compiled with its
 * compiler into a folder a test made, then checked by the policy. Shared by the tests of this package.
 */
final class PolicyFixture {
    static final String PACKAGE = "ch10.demo";

    private PolicyFixture() {}

    /**
     * Compiles {@code source} (which must compile cleanly) into {@code classes} and checks every class
     * there.
     *
     * @param name the top-level class of the source, which names its file
     * @param allowed API prefixes the exercise allows back
     * @param course binary names of course classes, which are not checked
     */
    static PolicyResult check(Path classes, String name, String source, List<String> allowed, String... course) {
        CompileResult compiled = Compiler.create().compile(List.of(new SourceFile(name + ".java", PACKAGE, name, source)), classes);
        assertThat(compiled).as("%s compiles", name).isInstanceOf(CompileResult.Compiled.class);
        return Policy.create().check(classes, PACKAGE, Set.of(course), allowed);
    }

    /** Like {@link #check(Path, String, String, List, String...)}, the name being the first class, record or interface declared. */
    static PolicyResult check(Path classes, String source, List<String> allowed, String... course) {
        String name = source.replaceAll("(?s).*?(?:class|record|interface) (\\w+).*", "$1");
        return check(classes, name, source, allowed, course);
    }
}

package lockstep.engine.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Checks compiled learner classes against the rules before any of them runs. */
public interface Policy {

    /**
     * Checks every class file under {@code classes} but the course's own: each must be in
     * {@code packageName} itself (no subpackage, no module-info) and reach no denied API.
     *
     * @param packageName the exercise's package, e.g. {@code ch10.spawn}
     * @param courseClasses binary names of the course's top-level classes compiled in the same
     *     folder (the given classes): they, and their nested classes, are not checked
     * @param allowed API prefixes this exercise may use although the rules deny them, in internal
     *     form, e.g. {@code java/net/http/} for an exercise about HTTP
     */
    PolicyResult check(Path classes, String packageName, Set<String> courseClasses, List<String> allowed);

    /** The policy of {@link Rules}, read with ASM. */
    static Policy create() {
        return new AsmPolicy();
    }
}

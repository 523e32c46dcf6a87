package lockstep.engine.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;
import org.objectweb.asm.Opcodes;

/**
 * A class of the exercise's contract as its template declares it, read from the template's class
 * file: a learner class, or a public type nested in one (e.g. {@code Mutex.Guard}), with what the
 * suites can use of it. The grader compares a submission's compiled classes with it before the tests
 * run ({@code lockstep.engine.contract}), so a changed signature is said once, as such.
 *
 * @param className its binary name inside the exercise's package: {@code Counter}, {@code Mutex$Guard}
 * @param kind class, interface, record or enum
 * @param abstractClass whether the template's class is abstract (an interface always is)
 * @param supertypes the internal names of the superclass (other than {@code Object}, {@code Record},
 *     {@code Enum}) and of the interfaces the template declares, e.g. {@code java/lang/AutoCloseable}:
 *     a learner's type must be a subtype of each, and may extend or implement more
 * @param members its public and protected constructors, methods and fields, in the class file's order
 * @since 0.3
 */
public record ContractType(String className, Kind kind, boolean abstractClass, List<String> supertypes,
        List<ContractMember> members) {
    /** What sort of type it is, as a learner would write it. */
    public enum Kind {
        CLASS("class"), INTERFACE("interface"), RECORD("record"), ENUM("enum");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The keyword that declares it: {@code class}, {@code interface}, {@code record}, {@code enum}. */
        public String word() {
            return word;
        }

        /** The kind of a class file's type, from its access flags and superclass (internal name). */
        public static Kind of(int access, String superName) {
            if ((access & Opcodes.ACC_INTERFACE) != 0) { // annotations too
                return INTERFACE;
            }
            if ((access & Opcodes.ACC_ENUM) != 0) {
                return ENUM;
            }
            return "java/lang/Record".equals(superName) ? RECORD : CLASS;
        }
    }

    public ContractType {
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        supertypes = supertypes == null ? List.of() : List.copyOf(supertypes);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** How the learner writes its name: {@code Counter}, {@code Mutex.Guard}. */
    @JsonIgnore
    public String label() {
        return className.replace('$', '.');
    }
}

package lockstep.engine.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * A constructor, method or field of a {@link ContractType} that the suites can use: public, or
 * protected, in a type they can reach. The suites are compiled against it, so a learner's class
 * must have it with exactly this erased descriptor, static or not as here, or the tests that use it
 * fail to link.
 *
 * @param kind constructor, method or field
 * @param name the member's name; {@code <init>} for a constructor
 * @param descriptor its erased JVM descriptor, as the class file has it: {@code (II)J} for a method
 *     taking two ints and returning a long, {@code J} for a long field
 * @param staticMember whether it belongs to the class rather than to an instance
 * @param protectedOnly whether the contract makes it protected (a learner's may be public too)
 *     rather than public
 * @since 0.3
 */
public record ContractMember(Kind kind, String name, String descriptor, boolean staticMember, boolean protectedOnly) {
    /** What sort of member it is. */
    public enum Kind {
        CONSTRUCTOR, METHOD, FIELD
    }

    public ContractMember {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(descriptor, "descriptor must not be null");
        if ((kind == Kind.FIELD) == descriptor.startsWith("(") || (kind == Kind.CONSTRUCTOR) != name.equals(TodoMethod.CONSTRUCTOR)) {
            throw new IllegalArgumentException("not a " + kind + ": " + name + descriptor);
        }
    }

    /** Whether it is a constructor. */
    @JsonIgnore
    public boolean isConstructor() {
        return kind == Kind.CONSTRUCTOR;
    }
}

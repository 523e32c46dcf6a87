package lockstep.engine.contract;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lockstep.engine.catalog.ContractMember;
import lockstep.engine.catalog.ContractType;
import org.objectweb.asm.Type;

/**
 * One way a submission's compiled classes differ from the exercise's contract, as a value: which
 * type or member, and how. {@code lockstep.engine.score} puts it into the learner's words.
 *
 * @param type the contract's type it concerns
 * @param member the contract's member it concerns; null when it is about the type itself
 * @param difference how the learner's differs
 */
public record ContractMismatch(ContractType type, ContractMember member, Difference difference) {
    public ContractMismatch {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(difference, "difference must not be null");
    }

    /** How a learner's type or member differs from the contract's. */
    public sealed interface Difference {}

    /**
     * The learner has no such type, or no member of that name and descriptor.
     *
     * @param yours for a member, the learner's members that may have been meant: those of the same
     *     name, else the one public member of the same descriptor under another name (a rename)
     */
    public record Missing(List<Declared> yours) implements Difference {
        public Missing {
            yours = List.copyOf(yours);
        }
    }

    /** The learner's type or member cannot be reached from the suites' package: it must be public (or protected). */
    public record NotPublic(boolean protectedAllowed) implements Difference {}

    /** The learner's type is of another kind: a class where the contract has an interface, a class for a record. */
    public record WrongKind(ContractType.Kind yours) implements Difference {}

    /** The learner's class is abstract, and the contract's, whose constructors the suites call, is not. */
    public record Abstract() implements Difference {}

    /** The learner's type does not extend or implement one the contract's does (internal name). */
    public record NoSupertype(String supertype, boolean isInterface) implements Difference {}

    /** The learner's method returns another type, or the learner's field has another (a descriptor). */
    public record WrongType(String yours) implements Difference {}

    /** The learner's member is static where the contract's is not, or the other way round. */
    public record WrongStatic(boolean mustBeStatic) implements Difference {}

    /** A member the learner's type declares: its name and descriptor. */
    public record Declared(String name, String descriptor) {}

    /**
     * Whether a linkage error's message is about what this mismatch concerns: the JVM names the class
     * (binary name, e.g. {@code Found class ch10.mutex.Mutex$Guard, but interface was expected}) and,
     * for a member, its name with its parameter types ({@code 'long ch10.mutex.Counter.countConcurrently(int, int)'},
     * {@code 'abstract java.lang.Object get()' of interface ch10.mutex.Mutex$Guard}, {@code member field 'int count'}).
     *
     * @param packageName the exercise's package, e.g. {@code ch10.mutex}
     */
    public boolean explains(String linkageMessage, String packageName) {
        String message = linkageMessage.replace('/', '.');
        if (!mentions(message, packageName + "." + type.className())) {
            return false;
        }
        if (member == null) {
            return true;
        }
        return mentions(message, member.kind() == ContractMember.Kind.FIELD ? member.name()
                : member.name() + "(" + javaParameters(member.descriptor()) + ")");
    }

    /** Whether {@code name} stands in {@code message} as a whole name, not as part of a longer one. */
    private static boolean mentions(String message, String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])").matcher(message).find();
    }

    /** A method descriptor's parameter types as the JVM's messages write them: {@code long[], ch10.bank.TransferObserver}. */
    private static String javaParameters(String descriptor) {
        return java.util.Arrays.stream(Type.getArgumentTypes(descriptor)).map(Type::getClassName).collect(Collectors.joining(", "));
    }
}

package lockstep.engine.score;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import lockstep.engine.catalog.ContractMember;
import lockstep.engine.catalog.ContractType;
import lockstep.engine.contract.ContractMismatch;
import lockstep.engine.contract.ContractMismatch.Abstract;
import lockstep.engine.contract.ContractMismatch.Declared;
import lockstep.engine.contract.ContractMismatch.Missing;
import lockstep.engine.contract.ContractMismatch.NoSupertype;
import lockstep.engine.contract.ContractMismatch.NotPublic;
import lockstep.engine.contract.ContractMismatch.WrongKind;
import lockstep.engine.contract.ContractMismatch.WrongStatic;
import lockstep.engine.contract.ContractMismatch.WrongType;
import org.objectweb.asm.Type;

/**
 * The learner's words for a submission that does not keep the exercise's contract: each difference
 * as one sentence in their terms ({@code Counter.countConcurrently(int, int) must return long; yours
 * returns int}), said once in the exercise's message, and the short line that replaces the linkage
 * error of a test that failed on one of them.
 */
final class ContractTexts {
    private ContractTexts() {}

    /** The exercise's message about them: one line for one difference, else a line each under a heading. */
    static String message(List<ContractMismatch> mismatches, String exerciseId) {
        String heading = "Your classes do not match the exercise's contract (exercises/" + exerciseId + "/README.md)";
        return mismatches.size() == 1 ? heading + ": " + describe(mismatches.get(0)) + "."
                : heading + ":\n" + mismatches.stream().map(m -> "- " + describe(m) + ".").collect(Collectors.joining("\n"));
    }

    /** One difference, as a sentence without its full stop. */
    static String describe(ContractMismatch mismatch) {
        ContractType type = mismatch.type();
        ContractMember member = mismatch.member();
        String subject = member == null ? type.label() : subject(type, member);
        return switch (mismatch.difference()) {
            case Missing(var yours) when member == null -> "the " + type.kind().word() + " " + type.label() + " is missing";
            case Missing(var yours) -> subject + " is missing" + (yours.isEmpty() ? ""
                    : " (yours has " + yours.stream().map(d -> declared(type, d)).collect(Collectors.joining(", ")) + ")");
            case NotPublic(var protectedAllowed) -> subject + (protectedAllowed ? " must be public or protected" : " must be public");
            case WrongKind(var yours) -> subject + " must be " + article(type.kind()) + "; yours is " + article(yours);
            case Abstract a -> subject + " must not be abstract";
            case NoSupertype(var supertype, var isInterface) -> subject
                    + (isInterface && type.kind() != ContractType.Kind.INTERFACE ? " must implement " : " must extend ")
                    + simpleName(Type.getObjectType(supertype));
            case WrongType(var yours) when member.kind() == ContractMember.Kind.FIELD -> subject + " must be of type "
                    + simpleName(Type.getType(member.descriptor())) + "; yours is " + simpleName(Type.getType(yours));
            case WrongType(var yours) -> subject + " must return " + simpleName(Type.getReturnType(member.descriptor()))
                    + "; yours returns " + simpleName(Type.getType(yours));
            case WrongStatic(var mustBeStatic) -> subject + (mustBeStatic ? " must be static" : " must not be static");
        };
    }

    /**
     * The message of a test that failed to link because of {@code mismatch}, in place of the error:
     * {@code Calls Counter.countConcurrently, which does not match the contract: see above.}
     */
    static String pointer(ContractMismatch mismatch) {
        ContractType type = mismatch.type();
        ContractMember member = mismatch.member();
        String what;
        if (member == null) {
            what = "Uses " + type.label();
        } else if (member.kind() == ContractMember.Kind.FIELD) {
            what = "Uses " + subject(type, member);
        } else if (member.isConstructor()) {
            what = "Calls " + subject(type, member);
        } else {
            boolean overloaded = type.members().stream().filter(m -> m.name().equals(member.name())).count() > 1;
            what = "Calls " + type.label() + "." + member.name() + (overloaded ? parameters(member.descriptor()) : "");
        }
        return what + ", which does not match the contract: see above.";
    }

    /** A member as the learner writes it: {@code Counter.countConcurrently(int, int)}, {@code the constructor Bank(long[])}. */
    private static String subject(ContractType type, ContractMember member) {
        return switch (member.kind()) {
            case CONSTRUCTOR -> "the constructor " + type.label() + parameters(member.descriptor());
            case METHOD -> type.label() + "." + member.name() + parameters(member.descriptor());
            case FIELD -> "the field " + type.label() + "." + member.name();
        };
    }

    /** One of the learner's own members that may have been meant: {@code spawn(String)}, {@code Bank(int)}, {@code count}. */
    private static String declared(ContractType type, Declared declared) {
        if (!declared.descriptor().startsWith("(")) {
            return declared.name();
        }
        String name = declared.name().equals(lockstep.engine.catalog.TodoMethod.CONSTRUCTOR)
                ? type.label().substring(type.label().lastIndexOf('.') + 1) : declared.name();
        return name + parameters(declared.descriptor());
    }

    /** A method descriptor's parameters as the learner writes them: {@code (long[], TransferObserver)}. */
    private static String parameters(String descriptor) {
        return Arrays.stream(Type.getArgumentTypes(descriptor)).map(ContractTexts::simpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A type's name without its package, a nested type's with its outer one: {@code long[]}, {@code List}, {@code Mutex.Guard}. */
    private static String simpleName(Type type) {
        String name = type.getClassName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String article(ContractType.Kind kind) {
        return (kind == ContractType.Kind.INTERFACE || kind == ContractType.Kind.ENUM ? "an " : "a ") + kind.word();
    }
}

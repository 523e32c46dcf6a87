package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lockstep.engine.catalog.ContractMember;
import lockstep.engine.catalog.ContractType;
import lockstep.engine.contract.ContractMismatch;
import lockstep.engine.contract.ContractMismatch.Declared;
import org.junit.jupiter.api.Test;

/** Each contract difference in the learner's terms, and the line a test that failed on it shows instead. */
class ContractTextsTest {
    static final ContractMember COUNT = new ContractMember(ContractMember.Kind.METHOD, "countConcurrently", "(II)J", true, false);
    static final ContractType COUNTER = new ContractType("Counter", ContractType.Kind.CLASS, false, List.of(), List.of(COUNT));
    private static final ContractMember SPAWN = new ContractMember(ContractMember.Kind.METHOD, "spawn",
            "(Ljava/lang/String;Ljava/lang/Runnable;)Ljava/lang/Thread;", true, false);
    private static final ContractType WORKERS = new ContractType("Workers", ContractType.Kind.CLASS, false, List.of(), List.of(SPAWN));
    private static final ContractMember OPEN = new ContractMember(ContractMember.Kind.CONSTRUCTOR, "<init>",
            "([JLch10/bank/TransferObserver;)V", false, false);
    private static final ContractMember TOTAL = new ContractMember(ContractMember.Kind.FIELD, "total", "J", false, false);
    private static final ContractType BANK = new ContractType("Bank", ContractType.Kind.CLASS, false, List.of(), List.of(OPEN, TOTAL));
    private static final ContractMember GET = new ContractMember(ContractMember.Kind.METHOD, "get", "(Ljava/lang/Object;)Ljava/lang/Object;",
            false, false);
    private static final ContractType CACHE = new ContractType("LoadingCache", ContractType.Kind.CLASS, false, List.of(), List.of(GET));
    private static final ContractType GUARD = new ContractType("Mutex$Guard", ContractType.Kind.INTERFACE, true,
            List.of("java/lang/AutoCloseable"), List.of());
    private static final ContractMember JOIN = new ContractMember(ContractMember.Kind.METHOD, "joinAll",
            "(Ljava/util/List;Ljava/time/Duration;)Ljava/util/List;", true, false);
    private static final ContractType JOIN_ALL = new ContractType("JoinAll", ContractType.Kind.CLASS, false, List.of(),
            List.of(new ContractMember(ContractMember.Kind.METHOD, "joinAll", "(Ljava/util/List;)Ljava/util/List;", true, false), JOIN));

    static ContractMismatch returnsInt() {
        return new ContractMismatch(COUNTER, COUNT, new ContractMismatch.WrongType("I"));
    }

    @Test
    void eachDifferenceIsOneSentenceInTheLearnersTerms() {
        assertThat(List.of(
                returnsInt(),
                new ContractMismatch(WORKERS, SPAWN, new ContractMismatch.Missing(List.of(
                        new Declared("spawn", "(Ljava/lang/String;)Ljava/lang/Thread;")))),
                new ContractMismatch(WORKERS, SPAWN, new ContractMismatch.Missing(List.of())),
                new ContractMismatch(BANK, OPEN, new ContractMismatch.Missing(List.of(new Declared("<init>", "(I)V")))),
                new ContractMismatch(BANK, TOTAL, new ContractMismatch.WrongType("I")),
                new ContractMismatch(CACHE, GET, new ContractMismatch.WrongStatic(false)),
                new ContractMismatch(COUNTER, COUNT, new ContractMismatch.NotPublic(false)),
                new ContractMismatch(GUARD, null, new ContractMismatch.WrongKind(ContractType.Kind.CLASS)),
                new ContractMismatch(GUARD, null, new ContractMismatch.NoSupertype("java/lang/AutoCloseable", true)),
                new ContractMismatch(GUARD, null, new ContractMismatch.Missing(List.of())),
                new ContractMismatch(BANK, null, new ContractMismatch.Abstract()))
                .stream().map(ContractTexts::describe)).containsExactly(
                "Counter.countConcurrently(int, int) must return long; yours returns int",
                "Workers.spawn(String, Runnable) is missing (yours has spawn(String))",
                "Workers.spawn(String, Runnable) is missing",
                "the constructor Bank(long[], TransferObserver) is missing (yours has Bank(int))",
                "the field Bank.total must be of type long; yours is int",
                "LoadingCache.get(Object) must not be static",
                "Counter.countConcurrently(int, int) must be public",
                "Mutex.Guard must be an interface; yours is a class",
                "Mutex.Guard must extend AutoCloseable",
                "the interface Mutex.Guard is missing",
                "Bank must not be abstract");
    }

    @Test
    void oneDifferenceIsOneLineAndSeveralALineEachUnderAHeading() {
        assertThat(ContractTexts.message(List.of(returnsInt()), "mutex")).isEqualTo(
                "Your classes do not match the exercise's contract (exercises/mutex/README.md): "
                        + "Counter.countConcurrently(int, int) must return long; yours returns int.");
        assertThat(ContractTexts.message(List.of(returnsInt(), new ContractMismatch(GUARD, null, new ContractMismatch.Missing(List.of()))),
                "mutex")).isEqualTo("""
                Your classes do not match the exercise's contract (exercises/mutex/README.md):
                - Counter.countConcurrently(int, int) must return long; yours returns int.
                - the interface Mutex.Guard is missing.""");
    }

    @Test
    void aTestThatFailedOnADifferencePointsToItByWhatItCallsOrUses() {
        assertThat(ContractTexts.pointer(returnsInt())).isEqualTo("Calls Counter.countConcurrently, which does not match the contract: see above.");
        assertThat(ContractTexts.pointer(new ContractMismatch(JOIN_ALL, JOIN, new ContractMismatch.Missing(List.of()))))
                .as("an overload is told apart").startsWith("Calls JoinAll.joinAll(List, Duration), which");
        assertThat(ContractTexts.pointer(new ContractMismatch(BANK, OPEN, new ContractMismatch.Missing(List.of()))))
                .startsWith("Calls the constructor Bank(long[], TransferObserver), which");
        assertThat(ContractTexts.pointer(new ContractMismatch(GUARD, null, new ContractMismatch.Missing(List.of()))))
                .isEqualTo("Uses Mutex.Guard, which does not match the contract: see above.");
    }
}

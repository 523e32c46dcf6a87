package lockstep.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lockstep.engine.catalog.ContractMember;
import lockstep.engine.catalog.ContractType;
import org.junit.jupiter.api.Test;

/** Which linkage errors, as the JVM words them, are about a mismatch: its class, and its member by name and parameters. */
class ContractMismatchTest {
    private static final ContractMember GET = new ContractMember(ContractMember.Kind.METHOD, "get", "()Ljava/lang/Object;", false, false);
    private static final ContractType GUARD = new ContractType("Mutex$Guard", ContractType.Kind.INTERFACE, true, List.of(), List.of(GET));
    private static final ContractMember OPEN = new ContractMember(ContractMember.Kind.CONSTRUCTOR, "<init>",
            "([JLch10/bank/TransferObserver;)V", false, false);
    private static final ContractMember TOTAL = new ContractMember(ContractMember.Kind.FIELD, "total", "J", false, false);
    private static final ContractType BANK = new ContractType("Bank", ContractType.Kind.CLASS, false, List.of(), List.of(OPEN, TOTAL));
    private static final ContractMismatch.Difference MISSING = new ContractMismatch.Missing(List.of());

    @Test
    void aMembersMismatchExplainsTheErrorsThatNameItsClassAndItsNameWithItsParameters() {
        ContractMismatch open = new ContractMismatch(BANK, OPEN, MISSING);

        assertThat(open.explains("'void ch10.bank.Bank.<init>(long[], ch10.bank.TransferObserver)'", "ch10.bank")).isTrue();
        assertThat(open.explains("'void ch10.bank.Bank.<init>(long[])'", "ch10.bank")).as("another overload").isFalse();
        assertThat(open.explains("'void ch10.bank.BankTwo.<init>(long[], ch10.bank.TransferObserver)'", "ch10.bank")).isFalse();
        assertThat(new ContractMismatch(GUARD, GET, MISSING).explains("Receiver class ch10.mutex.Mutex$Held does not define or inherit an"
                + " implementation of the resolved method 'abstract java.lang.Object get()' of interface ch10.mutex.Mutex$Guard.",
                "ch10.mutex")).isTrue();
        assertThat(new ContractMismatch(BANK, TOTAL, new ContractMismatch.WrongType("I"))
                .explains("Class ch10.bank.Bank does not have member field 'long total'", "ch10.bank")).isTrue();
    }

    @Test
    void aTypesMismatchExplainsTheErrorsThatNameItAndNotThoseOfATypeNestedInIt() {
        ContractMismatch guard = new ContractMismatch(GUARD, null, new ContractMismatch.WrongKind(ContractType.Kind.CLASS));
        ContractMismatch bank = new ContractMismatch(BANK, null, MISSING);

        assertThat(guard.explains("Found class ch10.mutex.Mutex$Guard, but interface was expected", "ch10.mutex")).isTrue();
        assertThat(bank.explains("ch10/bank/Bank", "ch10.bank")).as("NoClassDefFoundError's slashes").isTrue();
        assertThat(bank.explains("ch10/bank/Bank$Inner", "ch10.bank")).isFalse();
    }
}

package lockstep.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.engine.catalog.ContractMember.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the course build records of a template's public API: what the suites can use, erased, as javac compiles it. */
class TemplateContractsTest {
    @TempDir
    Path templates;

    private List<ContractType> contract() throws Exception {
        Files.writeString(templates.resolve("Box.java"), """
                package demo;

                import java.util.List;
                import java.util.Optional;
                import java.util.function.Function;

                /** A learner class. */
                public final class Box<T extends Comparable<T>> {
                    public static final int LIMIT = 3;
                    public long count;
                    private int hidden;

                    public Box(T initial) {
                        throw new UnsupportedOperationException("TODO: keep it");
                    }

                    private Box() {
                    }

                    public <R> List<R> map(Function<? super T, ? extends R> f) throws InterruptedException {
                        throw new UnsupportedOperationException("TODO: map");
                    }

                    public static Optional<Box<?>> empty(long[] values) {
                        Runnable lambda = () -> {};
                        throw new UnsupportedOperationException("TODO: empty");
                    }

                    protected T first() {
                        throw new UnsupportedOperationException("TODO: first");
                    }

                    void packagePrivateHelper() {
                    }

                    public interface Guard<T> extends AutoCloseable {
                        T get();

                        @Override
                        void close();
                    }

                    public record Pair<T>(T left, Guard<T> right) {}

                    private static final class Hidden {
                        public void notReachable() {}
                    }
                }
                """);
        Files.writeString(templates.resolve("Given.java"), """
                package demo;
                public final class Given {
                    public static Box.Guard<String> guard() { return null; }
                }
                """);
        return TemplateContracts.find(templates, "demo", List.of("Box", "Missing"));
    }

    @Test
    void eachLearnerClassAndItsReachableNestedTypesAreRecordedWithTheirKindAndDeclaredSupertypes() throws Exception {
        assertThat(contract()).extracting(ContractType::className, ContractType::kind, ContractType::supertypes).containsExactly(
                tuple("Box", ContractType.Kind.CLASS, List.of()),
                tuple("Box$Guard", ContractType.Kind.INTERFACE, List.of("java/lang/AutoCloseable")),
                tuple("Box$Pair", ContractType.Kind.RECORD, List.of()));
    }

    @Test
    void theMembersAreThePublicAndProtectedOnesErasedAsTheClassFileHasThem() throws Exception {
        ContractType box = contract().get(0);

        assertThat(box.members()).extracting(ContractMember::kind, ContractMember::name, ContractMember::descriptor,
                ContractMember::staticMember, ContractMember::protectedOnly).containsExactly(
                tuple(Kind.FIELD, "LIMIT", "I", true, false),
                tuple(Kind.FIELD, "count", "J", false, false),
                tuple(Kind.CONSTRUCTOR, "<init>", "(Ljava/lang/Comparable;)V", false, false),
                tuple(Kind.METHOD, "map", "(Ljava/util/function/Function;)Ljava/util/List;", false, false),
                tuple(Kind.METHOD, "empty", "([J)Ljava/util/Optional;", true, false),
                tuple(Kind.METHOD, "first", "()Ljava/lang/Comparable;", false, true));
    }

    @Test
    void anInterfacesImplicitlyPublicMethodsAndARecordsGeneratedMembersAreRecorded() throws Exception {
        List<ContractType> contract = contract();

        assertThat(contract.get(1).members()).extracting(ContractMember::name, ContractMember::descriptor)
                .containsExactly(tuple("get", "()Ljava/lang/Object;"), tuple("close", "()V"));
        assertThat(contract.get(2).members()).extracting(ContractMember::name, ContractMember::descriptor).contains(
                tuple("<init>", "(Ljava/lang/Object;Ldemo/Box$Guard;)V"), tuple("left", "()Ljava/lang/Object;"),
                tuple("right", "()Ldemo/Box$Guard;"), tuple("equals", "(Ljava/lang/Object;)Z"));
        assertThat(contract.get(2).label()).isEqualTo("Box.Pair");
    }

    @Test
    void theCatalogKeepsTheContractAndAnOlderCatalogWithoutOneReadsAsNoContract() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Exercise exercise = new Exercise("demo", "Demo", "demo", 1, List.of("Box"), List.of(), List.of("h"), 60, List.of(), List.of(),
                List.of(new PlannedTest("uid", "BoxTest#a", "a", 1, "h", 10)), List.of(), false, contract());

        String json = mapper.writeValueAsString(exercise);
        ObjectNode older = (ObjectNode) mapper.readTree(json);
        older.remove("contract");

        assertThat(json).contains("\"contract\":[{\"className\":\"Box\",\"kind\":\"CLASS\"",
                "{\"kind\":\"METHOD\",\"name\":\"empty\",\"descriptor\":\"([J)Ljava/util/Optional;\",\"staticMember\":true");
        assertThat(mapper.readValue(json, Exercise.class)).isEqualTo(exercise);
        assertThat(mapper.treeToValue(older, Exercise.class).contract()).isEmpty();
    }

    @Test
    void anExerciseWithoutTemplatesHasNoContract() {
        assertThat(TemplateContracts.find(templates, "demo", List.of("Box"))).isEmpty();
    }
}

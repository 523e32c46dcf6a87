package lockstep.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.engine.result.TestVisibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the course build records of each test, planned from a fixture suite without a build. */
class CatalogBuilderTest {
    @Test
    void eachTestsVisibilityComesFromItsAnnotationBesidePointsAndIsVisibleWithoutOne() {
        CatalogBuilder.Meta meta = new CatalogBuilder.Meta("fixture", "Fixture", "lockstep.engine.catalog.fixture", 1, List.of(),
                0, 0, List.of(), List.of(), List.of(), null);

        List<PlannedTest> tests = CatalogBuilder.discover(meta);

        assertThat(tests).extracting(PlannedTest::id, PlannedTest::points, PlannedTest::visibility).containsExactlyInAnyOrder(
                tuple("VisibilitySuite#plain", 1, TestVisibility.VISIBLE),
                tuple("VisibilitySuite#hidden", 2, TestVisibility.HIDDEN),
                tuple("VisibilitySuite#afterDueDate", 3, TestVisibility.AFTER_DUE_DATE),
                tuple("VisibilitySuite#afterPublished", 4, TestVisibility.AFTER_PUBLISHED),
                tuple("VisibilitySuite#saidVisible", 5, TestVisibility.VISIBLE));
    }

    @Test
    void theCatalogKeepsEachVisibilityAndAnOlderCatalogWithoutOneReadsAsVisible() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        PlannedTest hidden = new PlannedTest("[engine:junit-jupiter]", "ATest#a", "a", 2, "h", 10, TestVisibility.HIDDEN);

        String json = mapper.writeValueAsString(hidden);
        PlannedTest old = mapper.readValue(json.replace(",\"visibility\":\"hidden\"", "").replace(",\"runOrder\":0", ""),
                PlannedTest.class);

        assertThat(json).contains("\"visibility\":\"hidden\"", "\"runOrder\":0");
        assertThat(mapper.readValue(json, PlannedTest.class)).isEqualTo(hidden);
        assertThat(old.visibility()).isEqualTo(TestVisibility.VISIBLE);
        assertThat(old.runOrder()).as("absent from an older catalog: 0").isZero();
    }

    @Test
    void theTemplatesTodoMethodsAreThoseWhoseBodyOnlyThrowsTheTodoInSourceOrder(@TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("Work.java"), """
                package demo;

                import java.time.Duration;
                import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

                /** TODO in a comment is no TODO method. */
                public final class Work<T> {
                    public Work(T initial) {
                        throw new UnsupportedOperationException("TODO: keep the value");
                    }

                    public Work(T initial, long[] more) {
                        throw new UnsupportedOperationException("TODO: " + "keep both");
                    }

                    public <R extends Comparable<R>> List<R> sorted(List<? extends R> items, Duration limit) {
                        throw new UnsupportedOperationException(
                                "TODO: sort them");
                    }

                    public static void given() {
                        throw new UnsupportedOperationException("given: always refused");
                    }

                    public int counted(int n) {
                        n++;
                        throw new UnsupportedOperationException("TODO: not only a throw");
                    }

                    public void join(List<String> names) {
                        throw new UnsupportedOperationException("TODO: one");
                    }

                    public void join(List<String> names, Duration timeout) {
                        throw new java.lang.UnsupportedOperationException("TODO: two");
                    }

                    public interface Guard<T> {
                        T get();
                    }
                }
                """);
        Files.writeString(templates.resolve("Other.java"), """
                package demo;
                final class Other {
                    static void run() { throw new UnsupportedOperationException("TODO: run"); }
                }
                """);

        List<TodoMethod> todos = TemplateTodos.find(templates, List.of("Other", "Work", "Missing"));

        assertThat(todos).extracting(TodoMethod::label).containsExactly("Other.run", "Work(T)", "Work(T, long[])",
                "Work.sorted", "Work.join(List)", "Work.join(List, Duration)");
        assertThat(todos).extracting(TodoMethod::className, TodoMethod::name, TodoMethod::parameterTypes).containsExactly(
                tuple("Other", "run", List.of()),
                tuple("Work", "<init>", List.of("Object")),
                tuple("Work", "<init>", List.of("Object", "long[]")),
                tuple("Work", "sorted", List.of("List", "Duration")),
                tuple("Work", "join", List.of("List")),
                tuple("Work", "join", List.of("List", "Duration")));
    }

    @Test
    void aTypeVariablesBoundIsItsErasure(@TempDir Path templates) throws Exception {
        Files.writeString(templates.resolve("Box.java"), """
                package demo;
                public final class Box<K extends Comparable<K>> {
                    public <V extends java.util.List<K>> void put(K key, V values, V... more) {
                        throw new UnsupportedOperationException("TODO: put");
                    }
                }
                """);

        assertThat(TemplateTodos.find(templates, List.of("Box"))).singleElement()
                .extracting(TodoMethod::parameterTypes).isEqualTo(List.of("Comparable", "List", "List[]"));
    }

    @Test
    void theCatalogKeepsEachExercisesTodoMethodsAndAnOlderCatalogWithoutThemReadsAsNone() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Exercise exercise = new Exercise("spawn-join", "Threads", "ch10.spawn", 1, List.of("Workers"), List.of(), List.of("h"), 60,
                List.of(), List.of(), List.of(new PlannedTest("uid", "WorkersTest#a", "a", 1, "h", 10)),
                List.of(new TodoMethod("Workers", "spawn", List.of("String", "Runnable"), "Workers.spawn")));

        String json = mapper.writeValueAsString(exercise);
        var older = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        older.remove("todoMethods");
        Exercise old = mapper.treeToValue(older, Exercise.class);

        assertThat(json).contains("\"todoMethods\":[{\"className\":\"Workers\",\"name\":\"spawn\"");
        assertThat(mapper.readValue(json, Exercise.class)).isEqualTo(exercise);
        assertThat(old.todoMethods()).isEmpty();
        assertThat(old.tests()).isEqualTo(exercise.tests());
    }

    @Test
    void anExerciseShowsItsLearnersOutputOnlyWhenItsExerciseJsonSaysShown() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String json = """
                {"id": "demo", "title": "Demo", "package": "ch10.demo", "order": 1, "learnerClasses": ["Thing"]%s}
                """;

        assertThat(mapper.readValue(json.formatted(""), CatalogBuilder.Meta.class).learnerOutputShown()).isFalse();
        assertThat(mapper.readValue(json.formatted(", \"learnerOutput\": \"hidden\""), CatalogBuilder.Meta.class)
                .learnerOutputShown()).isFalse();
        assertThat(mapper.readValue(json.formatted(", \"learnerOutput\": \"shown\""), CatalogBuilder.Meta.class)
                .learnerOutputShown()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.readValue(
                json.formatted(", \"learnerOutput\": \"yes\""), CatalogBuilder.Meta.class))
                .hasMessageContaining("demo: exercise.json: \"learnerOutput\" is \"yes\"; it is \"hidden\" (the default) or \"shown\"");
    }

    @Test
    void theCatalogKeepsWhetherAnExerciseShowsItsLearnersOutputAndAnOlderCatalogReadsAsHidden() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Exercise shown = new Exercise("spawn-join", "Threads", "ch10.spawn", 1, List.of("Workers"), List.of(), List.of("h"), 60,
                List.of(), List.of(), List.of(new PlannedTest("uid", "WorkersTest#a", "a", 1, "h", 10)), List.of(), true);

        String json = mapper.writeValueAsString(shown);
        var older = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        older.remove("learnerOutputShown");

        assertThat(mapper.readValue(json, Exercise.class)).isEqualTo(shown);
        assertThat(mapper.treeToValue(older, Exercise.class).learnerOutputShown()).isFalse();
    }

    @Test
    void testsAreListedInTheOrderOfTheLearnerClassesThenAsDeclaredInTheSource() {
        CatalogBuilder.Meta meta = new CatalogBuilder.Meta("ordered", "Ordered", "lockstep.engine.catalog.ordered", 1,
                List.of("BetaSuite"), 0, 0, List.of(), List.of(), List.of(), null);

        List<PlannedTest> tests = CatalogBuilder.discover(meta);

        assertThat(tests).extracting(PlannedTest::id).containsExactly("BetaSuite#gamma", "BetaSuite#alpha",
                "BetaSuite#status404Or500", "AlphaSuite#zeta", "AlphaSuite#beta");
        assertThat(tests.get(2).name()).isEqualTo("status 404 or 500");
        // They run as JUnit discovers them: classes by name, so every AlphaSuite test before every BetaSuite test.
        assertThat(tests).extracting(PlannedTest::runOrder).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(tests.stream().filter(t -> t.testClass().equals("AlphaSuite")).mapToInt(PlannedTest::runOrder).max().orElseThrow())
                .isLessThan(tests.stream().filter(t -> t.testClass().equals("BetaSuite")).mapToInt(PlannedTest::runOrder).min().orElseThrow());
    }
}

package lockstep.engine.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.catalog.TodoMethod;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which TODO methods compiled code still leaves as the template's stub, judged on real javac output. */
class StubFinderTest {
    private static final String SOURCE = """
            package demo;

            import java.util.List;

            public final class Work {
                private int count;

                public Work(long[] values) {
                    throw new UnsupportedOperationException("TODO: keep the values");
                }

                public Work(long[] values, String name) {
                    count = values.length;
                }

                public static Thread stub(String name, Runnable work) {
                    // a comment changes no instruction
                    throw new UnsupportedOperationException(
                            "TODO: create the thread " + "and start it");
                }

                public static int otherMessage() {
                    throw new UnsupportedOperationException("not supported: this is the learner's own choice");
                }

                public static <T> List<T> implemented(List<? extends T> items) {
                    return List.copyOf(items);
                }

                public int todoAfterWork(int n) {
                    count += n;
                    throw new UnsupportedOperationException("TODO: the rest");
                }

                public static void overloaded(List<String> items) {
                    throw new UnsupportedOperationException("TODO: one");
                }

                public static void overloaded(List<String> items, int limit) {
                    System.out.println(limit);
                }
            }
            """;

    @TempDir
    Path classes;

    private static TodoMethod todo(String name, String label, String... parameterTypes) {
        return new TodoMethod("Work", name, List.of(parameterTypes), label);
    }

    private List<String> stillStubs(List<TodoMethod> todos) {
        CompileResult compiled = Compiler.create().compile(List.of(new SourceFile("demo/Work.java", "demo", "Work", SOURCE)), classes);
        assertThat(compiled).isInstanceOf(CompileResult.Compiled.class);
        Exercise exercise = new Exercise("demo", "Demo", "demo", 1, List.of("Work"), List.of(), List.of(), 60, List.of(),
                List.of(), List.of(new PlannedTest("uid", "WorkTest#a", "a", 1, "h", 10)), todos);
        return StubFinder.stillStubs(classes, exercise).stream().map(TodoMethod::label).toList();
    }

    @Test
    void aMethodThatOnlyThrowsTheTemplatesTodoIsAStub() {
        assertThat(stillStubs(List.of(todo("stub", "Work.stub", "String", "Runnable")))).containsExactly("Work.stub");
    }

    @Test
    void aConstructorThatOnlyCallsSuperAndThrowsTheTodoIsAStubAndItsOverloadIsNot() {
        assertThat(stillStubs(List.of(todo("<init>", "Work(long[])", "long[]"),
                todo("<init>", "Work(long[], String)", "long[]", "String")))).containsExactly("Work(long[])");
    }

    @Test
    void anotherMessageThanTodoIsTheLearnersOwnCode() {
        assertThat(stillStubs(List.of(todo("otherMessage", "Work.otherMessage")))).isEmpty();
    }

    @Test
    void anImplementedMethodIsNoStub() {
        assertThat(stillStubs(List.of(todo("implemented", "Work.implemented", "List")))).isEmpty();
    }

    @Test
    void aMethodThatDoesSomethingBeforeItThrowsTheTodoIsNoStub() {
        assertThat(stillStubs(List.of(todo("todoAfterWork", "Work.todoAfterWork", "int")))).isEmpty();
    }

    @Test
    void overloadsAreToldApartByTheirParameterTypes() {
        assertThat(stillStubs(List.of(todo("overloaded", "Work.overloaded(List)", "List"),
                todo("overloaded", "Work.overloaded(List, int)", "List", "int")))).containsExactly("Work.overloaded(List)");
    }

    @Test
    void aMethodOrClassTheSubmissionDoesNotHaveIsNoStub() {
        assertThat(stillStubs(List.of(todo("renamed", "Work.renamed"), new TodoMethod("Gone", "stub", List.of(), "Gone.stub"))))
                .isEmpty();
    }

    @Test
    void theResultKeepsTheCatalogsOrder() {
        assertThat(stillStubs(List.of(todo("stub", "Work.stub", "String", "Runnable"), todo("<init>", "Work(long[])", "long[]"))))
                .containsExactly("Work.stub", "Work(long[])");
    }

    @Test
    void descriptorsGiveTheSimpleNamesOfTheirErasedParameterTypes() {
        assertThat(StubFinder.simpleNames("(Ljava/util/List;J[JLch10/channel/Channel$Pair;[[Ljava/lang/String;)V"))
                .containsExactly("List", "long", "long[]", "Pair", "String[][]");
    }
}

package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.result.TestProblem;
import lockstep.runner.protocol.Event;
import org.junit.jupiter.api.Test;

/**
 * A template's TODO that a suite's assertion caught and wrapped reads as a direct TODO does; a test
 * that failed to link on a member that does not match the contract points to the exercise's message.
 */
class FeedbackTest {
    private static final Exercise EXERCISE = new Exercise("spawn-join", "Threads", "ch10.spawn", 1, List.of("Workers"),
            List.of(), List.of("a hint"), 60, List.of(), List.of(),
            List.of(new PlannedTest("uid", "WorkersTest#a", "a", 1, "h", 10)));
    private static final String TODO = "TODO: check both arguments for null, then create a platform thread with that name and start it";

    /** AssertJ's message for {@code assertThatThrownBy(...).isInstanceOf(NullPointerException.class)} over a template method. */
    private static final String WRAPPED = "[Workers.spawn(null, work)] \n"
            + "Expecting actual throwable to be an instance of:\n"
            + "  java.lang.NullPointerException\n"
            + "but was:\n"
            + "  java.lang.UnsupportedOperationException: " + TODO + "\n"
            + "\tat ch10.spawn.Workers.spawn(Workers.java:14)\n"
            + "\tat lockstep.suites@0.1.0-SNAPSHOT/ch10.spawn.tests.WorkersTest.lambda$spawnRejectsANullNameOrWork$0(WorkersTest.java:126)\n"
            + "\tat org.assertj.core@3.27.7/org.assertj.core.api.ThrowableAssert.catchThrowable(ThrowableAssert.java:66)\n"
            + "\t...(77 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)";

    private final Feedback feedback = new Feedback(EXERCISE);

    private static Event.Failure assertion(String message) {
        return new Event.Failure(List.of(new Event.Thrown("java.lang.AssertionError", message,
                List.of("lockstep.suites@0.1.0-SNAPSHOT/ch10.spawn.tests.WorkersTest.spawnRejectsANullNameOrWork(WorkersTest.java:126)"))));
    }

    @Test
    void aTodoCaughtByAnAssertionIsReportedExactlyAsADirectTodoWithoutTheAssertionsText() {
        Event.Failure direct = new Event.Failure(List.of(new Event.Thrown("java.lang.UnsupportedOperationException", TODO,
                List.of("ch10.spawn.Workers.spawn(Workers.java:14)", "ch10.spawn.tests.WorkersTest.a(WorkersTest.java:9)"))));

        Feedback.Described wrapped = feedback.describe(assertion(WRAPPED));

        assertThat(wrapped.message()).isEqualTo("Not implemented yet: Workers.spawn(Workers.java:14) still throws "
                + "UnsupportedOperationException(\"" + TODO + "\").").isEqualTo(feedback.describe(direct).message());
        assertThat(wrapped.problem()).isEqualTo(feedback.describe(direct).problem()).isEqualTo(TestProblem.NOT_IMPLEMENTED);
    }

    @Test
    void theWrappedTodoIsPlacedAtTheFirstLearnerFrameBelowIt() {
        String deeper = WRAPPED.replace("\tat ch10.spawn.Workers.spawn(Workers.java:14)\n",
                "\tat java.base/java.util.Objects.requireNonNull(Objects.java:233)\n\tat ch10.spawn.Workers.spawn(Workers.java:14)\n");

        assertThat(feedback.wrappedTodo(deeper)).hasValueSatisfying(m -> assertThat(m).startsWith(
                "Not implemented yet: Workers.spawn(Workers.java:14) still throws"));
    }

    @Test
    void aTodoNotThrownByTheLearnersCodeOrAnotherExceptionStaysTheAssertionsMessage() {
        String suites = WRAPPED.replace("\tat ch10.spawn.Workers.spawn(Workers.java:14)\n", "");
        String other = WRAPPED.replace("UnsupportedOperationException: TODO", "UnsupportedOperationException: read-only");

        assertThat(feedback.wrappedTodo(suites)).isEmpty();
        assertThat(feedback.wrappedTodo(other)).isEmpty();
        assertThat(feedback.wrappedTodo("expected: 4 but was: 0")).isEmpty();
        assertThat(feedback.describe(assertion(other)).message()).startsWith("[Workers.spawn(null, work)]");
        assertThat(feedback.describe(assertion(other)).problem()).isEqualTo(TestProblem.ASSERTION);
    }

    @Test
    void anAssertionThatShowsAThrowableKeepsItAndItsCausesButNotAssertJsStackFrames() {
        String shown = "[the cause in the Failure of task 0: exactly what it threw, not wrapped] \n"
                + "Expecting actual:\n"
                + "  java.util.concurrent.ExecutionException: java.io.IOException: task 0 failed\n"
                + "\tat ch10.spawn.Workers.lambda$runAll$0(Workers.java:59)\n"
                + "\tat java.base/java.lang.VirtualThread.run(VirtualThread.java:460)\n"
                + "Caused by: java.io.IOException: task 0 failed\n"
                + "\tat lockstep.suites@0.1.0-SNAPSHOT/ch10.spawn.tests.WorkersTest.a(WorkersTest.java:228)\n"
                + "\t...(2 remaining lines not displayed - this can be changed with Assertions.setMaxStackTraceElementsDisplayed)\n"
                + "\t... 3 more\n"
                + "to be the same instance as:\n"
                + "  java.io.IOException: task 0 failed";

        Feedback.Described described = feedback.describe(assertion(shown));

        assertThat(described.problem()).isEqualTo(TestProblem.ASSERTION);
        assertThat(described.message()).isEqualTo("[the cause in the Failure of task 0: exactly what it threw, not wrapped] \n"
                + "Expecting actual:\n"
                + "  java.util.concurrent.ExecutionException: java.io.IOException: task 0 failed\n"
                + "Caused by: java.io.IOException: task 0 failed\n"
                + "to be the same instance as:\n"
                + "  java.io.IOException: task 0 failed");
        assertThat(Feedback.withoutFrames("expected: 4\n but was: 0\n\tattempts: 3")).as("only frames go")
                .isEqualTo("expected: 4\n but was: 0\n\tattempts: 3");
    }

    private static final Exercise MUTEX = new Exercise("mutex", "Mutex", "ch10.mutex", 2, List.of("Counter"), List.of(), List.of(), 60,
            List.of(), List.of(), List.of(new PlannedTest("uid", "CounterTest#a", "a", 1, "h", 10)));
    private static final String NO_SUCH_METHOD = "'long ch10.mutex.Counter.countConcurrently(int, int)'";

    private static Event.Failure linkage(String type, String message) {
        return new Event.Failure(List.of(new Event.Thrown(type, message,
                List.of("lockstep.suites@0.1.0-SNAPSHOT/ch10.mutex.tests.CounterTest.a(CounterTest.java:20)"))));
    }

    @Test
    void aLinkageErrorOnAMemberThatDoesNotMatchTheContractPointsToTheExercisesMessage() {
        Feedback withMismatch = new Feedback(MUTEX, List.of(ContractTextsTest.returnsInt()));
        String pointer = "Calls Counter.countConcurrently, which does not match the contract: see above.";

        assertThat(withMismatch.describe(linkage("java.lang.NoSuchMethodError", NO_SUCH_METHOD)))
                .isEqualTo(new Feedback.Described(TestProblem.CONTRACT, pointer));
        assertThat(withMismatch.describe(linkage("java.lang.IncompatibleClassChangeError",
                "Expected static method " + NO_SUCH_METHOD))).isEqualTo(new Feedback.Described(TestProblem.CONTRACT, pointer));
        assertThat(withMismatch.describe(assertion("[count] \nExpecting actual throwable to be an instance of:\n"
                + "  java.lang.IllegalArgumentException\nbut was:\n  java.lang.NoSuchMethodError: " + NO_SUCH_METHOD
                + "\n\tat ch10.mutex.tests.CounterTest.lambda$a$0(CounterTest.java:20)"))).as("caught by a check")
                .isEqualTo(new Feedback.Described(TestProblem.CONTRACT, pointer));
    }

    @Test
    void aLinkageErrorOnAnythingElseIsStillTheGeneralApiMismatch() {
        Feedback withMismatch = new Feedback(MUTEX, List.of(ContractTextsTest.returnsInt()));
        String other = "'long ch10.mutex.Counter.countConcurrently(int)'";

        Feedback.Described described = withMismatch.describe(linkage("java.lang.NoSuchMethodError", other));

        assertThat(described.message()).startsWith("Your classes do not match the exercise's public API: the method");
        assertThat(described).isEqualTo(new Feedback(MUTEX).describe(linkage("java.lang.NoSuchMethodError", other)));
        assertThat(described.problem()).as("a linkage error is the contract's problem, named or not").isEqualTo(TestProblem.CONTRACT);
    }
}

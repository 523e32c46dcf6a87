package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.runner.protocol.Event;
import org.junit.jupiter.api.Test;

/** A template's TODO that a suite's assertion caught and wrapped reads as a direct TODO does. */
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

        String wrapped = feedback.describe(assertion(WRAPPED));

        assertThat(wrapped).isEqualTo("Not implemented yet: Workers.spawn(Workers.java:14) still throws "
                + "UnsupportedOperationException(\"" + TODO + "\").").isEqualTo(feedback.describe(direct));
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
        assertThat(feedback.describe(assertion(other))).startsWith("[Workers.spawn(null, work)]");
    }
}

package lockstep.engine.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Set;

/**
 * What went wrong in a test that did not pass, as the score stage decided it when it made the
 * verdict: the kind, where the {@link TestResult#message() message} is the learner's words for it.
 * Readers that sort or count problems (the class report) read this, never the message. Since
 * schema 1.6.
 */
public enum TestProblem {
    /** A check of the suite failed: what was expected is not what the code did. */
    ASSERTION("assertion", TestStatus.FAILED),
    /** The code threw an exception no check expected. */
    EXCEPTION("exception", TestStatus.ERRORED),
    /** A template method still throws its {@code UnsupportedOperationException("TODO ...")}, directly or caught by a check. */
    NOT_IMPLEMENTED("not-implemented", TestStatus.FAILED, TestStatus.ERRORED),
    /** The test failed to link against the code: its classes do not keep the exercise's public API. */
    CONTRACT("contract", TestStatus.FAILED, TestStatus.ERRORED),
    /** The test was aborted before it could check anything (an assumption failed). */
    ABORTED("aborted", TestStatus.ERRORED),
    /** The test overran its own time limit (a deadlock, a lost wake-up, a wait that never ends). */
    TIMED_OUT("timed-out", TestStatus.TIMED_OUT),
    /** The exercise's overall time limit ran out while the test ran. */
    EXERCISE_TIME_LIMIT("exercise-time-limit", TestStatus.TIMED_OUT),
    /** The test JVM stopped during the test (exit, halt, a signal) without running out of memory. */
    JVM_EXITED("jvm-exited", TestStatus.ERRORED),
    /** The code used up the test JVM's memory during the test. */
    OUT_OF_MEMORY("out-of-memory", TestStatus.ERRORED),
    /** Something other than the test runner wrote to the grader's channel during the test. */
    CHANNEL_TAMPERED("channel-tampered", TestStatus.ERRORED),
    /** The test JVM sent something the grader could not read during the test. */
    CHANNEL_UNREADABLE("channel-unreadable", TestStatus.ERRORED),
    /** JUnit skipped the test. */
    SKIPPED("skipped", TestStatus.NOT_RUN),
    /** The test never ran: the code did not compile, was missing or rejected, or the run ended before it. */
    NOT_RUN("not-run", TestStatus.NOT_RUN);

    private final String json;
    private final Set<TestStatus> statuses;

    TestProblem(String json, TestStatus status, TestStatus... more) {
        this.json = json;
        this.statuses = EnumSet.of(status, more);
    }

    /** The name in {@code results.json}. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Whether a test that ended {@code status} can have this problem. */
    public boolean fits(TestStatus status) {
        return statuses.contains(status);
    }
}

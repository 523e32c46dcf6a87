package lockstep.engine.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to one exercise of a submission as a whole. */
public enum ExerciseStatus {
    /** Its suite ran; see the tests. */
    GRADED("graded"),
    /** The learner's classes did not compile; no test ran. */
    COMPILE_ERROR("compile-error"),
    /** The submission broke a rule (two copies of one class, an API exercises may not use); no test ran. */
    REJECTED("rejected"),
    /** The test JVM failed in a way no single test explains; tests that reported keep their result. */
    CRASHED("crashed"),
    /** The exercise overran its overall time limit; tests that reported keep their result. */
    TIMED_OUT("timed-out"),
    /** The submission has no classes in the exercise's package. */
    MISSING("missing");

    private final String json;

    ExerciseStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}

package lockstep.engine.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one graded test ended. Only {@link #PASSED} earns points. */
public enum TestStatus {
    PASSED("passed"),
    FAILED("failed"),
    ERRORED("errored"),
    TIMED_OUT("timed-out"),
    NOT_RUN("not-run");

    private final String json;

    TestStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}

package lockstep.engine.result;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who may see a test's details, as a suite declares it with {@code @Visibility}: Gradescope's four
 * visibilities, in Gradescope's words. Only {@link #VISIBLE} tests are shown in full in what a
 * learner reads; Gradescope alone is told the others as they are, and applies them itself.
 *
 * @since 0.2
 */
public enum TestVisibility {
    VISIBLE("visible"),
    AFTER_DUE_DATE("after_due_date"),
    AFTER_PUBLISHED("after_published"),
    HIDDEN("hidden");

    private final String json;

    TestVisibility(String json) {
        this.json = json;
    }

    /** The name in {@code results.json} and in Gradescope's {@code visibility}. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Whether a learner may see the test's name, message, hint and output now, wherever no platform decides it. */
    public boolean shownToLearners() {
        return this == VISIBLE;
    }
}

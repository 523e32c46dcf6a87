package lockstep.batch.output;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the batch made of one student, whatever their score. */
public enum Verdict {
    /** Graded: the native results hold the score, whatever it is. */
    GRADED("graded"),
    /** Nothing could be read (a broken zip, a folder the download names but lacks): graded as nothing, score 0. */
    UNREADABLE("unreadable"),
    /** The grader failed on it (a grader error, never the learner's code): no score; retried with {@code --retry-failed}. */
    FAILED("failed"),
    /** On the roster, but the download holds nothing of theirs: score 0. */
    NO_SUBMISSION("no-submission");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}

package lockstep.engine.submission;

import java.io.IOException;

/**
 * The path given as a submission is neither a folder nor a {@code .zip} file: a usage error, not a
 * failure of the grader.
 */
public final class NotASubmissionException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotASubmissionException(String message) {
        super(message);
    }
}

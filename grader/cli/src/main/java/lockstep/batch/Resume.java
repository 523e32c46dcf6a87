package lockstep.batch;

import java.util.List;
import java.util.Objects;
import lockstep.batch.output.StudentRecord;
import lockstep.batch.output.Verdict;

/**
 * Whether a submission found again by a batch started again must be graded: only when nothing is
 * recorded for it yet, its content or the exercises changed since, or it failed and
 * {@code --retry-failed} was given. A grading that failed is kept as failed otherwise, so that a
 * grader bug is not retried over and over unasked.
 */
public final class Resume {
    private Resume() {}

    /** The decision, and why: the batch says it when it grades again. */
    public enum Decision {
        NEW(true, "not graded yet"),
        CHANGED(true, "its content changed since it was graded"),
        OTHER_EXERCISES(true, "it was graded on other exercises"),
        RETRY_FAILED(true, "its grading failed; --retry-failed"),
        KEEP(false, "graded already"),
        KEEP_FAILED(false, "its grading failed; kept without --retry-failed");

        private final boolean grade;
        private final String why;

        Decision(boolean grade, String why) {
            this.grade = grade;
            this.why = why;
        }

        public boolean grade() {
            return grade;
        }

        public String why() {
            return why;
        }
    }

    /**
     * @param previous the record of each of the submission's students; null where there is none
     *     (or it vouches for results that are missing)
     * @param contentHash the submission's content now
     * @param exercises the exercises this batch grades
     */
    public static Decision decide(List<StudentRecord> previous, String contentHash, List<String> exercises, boolean retryFailed) {
        if (previous.isEmpty() || previous.stream().anyMatch(Objects::isNull)) {
            return Decision.NEW;
        }
        if (previous.stream().anyMatch(r -> !Objects.equals(r.contentHash(), contentHash))) {
            return Decision.CHANGED;
        }
        if (previous.stream().anyMatch(r -> !r.exercises().equals(exercises))) {
            return Decision.OTHER_EXERCISES;
        }
        if (previous.stream().anyMatch(r -> r.verdict() == Verdict.FAILED)) {
            return retryFailed ? Decision.RETRY_FAILED : Decision.KEEP_FAILED;
        }
        return Decision.KEEP;
    }
}

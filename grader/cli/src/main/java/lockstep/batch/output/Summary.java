package lockstep.batch.output;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lockstep.batch.discover.Skipped;

/**
 * {@code summary.json}: every student of the batch with their verdict and scores, and the batch's
 * totals; what a script reads instead of every student's results. The gradebook is written from it.
 *
 * @param submissions the folder that was graded, as given
 * @param layout the layout the download was read as
 * @param students one row per student, by id
 * @param skipped what in the download was no one's submission, and why
 * @param notes what the batch noticed about the download or the roster as a whole
 * @param shard the share of the class this batch graded ({@code --shard I/N}); null for the whole
 *     class, a merge's output included
 */
public record Summary(String schemaVersion, String graderVersion, Instant writtenAt, String submissions, String layout,
        List<ExerciseColumn> exercises, List<Row> students, Totals totals, List<Skipped> skipped, List<String> notes,
        Shard shard) {
    /** The version of this file's shape, raised as {@code results.json}'s is (1.1: {@code shard}). */
    public static final String SCHEMA_VERSION = "1.1";

    public Summary {
        exercises = List.copyOf(exercises);
        students = List.copyOf(students);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /**
     * One student.
     *
     * @param onRoster whether the roster lists them (always false without {@code --roster})
     * @param score the points earned; null when the grader failed (no score yet)
     * @param percent the score in percent of {@code maxScore}, never above 100; null when the grader failed
     * @param exercises points per exercise id; empty when the grader failed
     * @param contentHash the hash of the submission's files ({@code sha256:...}); null when nothing was read
     * @param submission what the submission is called in the download; null for no submission
     */
    public record Row(String id, String name, String email, String sisUserId, String sisLoginId, String section,
            boolean onRoster, Verdict status, String reason, Double score, double maxScore, Double percent,
            Map<String, Double> exercises, String contentHash, String submission, Instant gradedAt, long durationMs) {
        public Row {
            exercises = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exercises));
        }
    }

    /**
     * The batch in numbers.
     *
     * @param meanPercent the mean percentage over the students who have a score; null when none has
     */
    public record Totals(int students, int graded, int unreadable, int failed, int noSubmission, double maxScore,
            Double meanPercent) {}
}

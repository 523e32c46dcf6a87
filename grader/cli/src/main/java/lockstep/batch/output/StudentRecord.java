package lockstep.batch.output;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the batch knows of one student's grading, kept as {@code students/<id>/batch.json}. It is
 * written last, after the results and the feedback, so it is the mark that the student is done: a
 * batch started again keeps a student whose record names the same content hash and exercises,
 * and grades everyone else.
 *
 * @param submission what the submission is called in the download
 * @param reason why it is not graded (unreadable or failed); null when graded
 * @param contentHash the hash of the submission's files when it was graded; null when nothing could be read
 * @param exercises the exercises graded, in order
 * @param score the points earned; 0 unless graded
 * @param exerciseScores points per exercise, in order; empty when the grader failed
 */
public record StudentRecord(String id, String submission, Verdict verdict, String reason, String contentHash,
        List<String> exercises, double score, double maxScore, Map<String, Double> exerciseScores, String graderVersion,
        Instant gradedAt, long durationMs) {
    public StudentRecord {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(verdict, "verdict must not be null");
        exercises = List.copyOf(exercises);
        exerciseScores = exerciseScores == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exerciseScores));
    }
}

package lockstep.engine.result;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on a whole submission: what {@code results.json} holds.
 *
 * @param submission where the submission came from, as given
 * @param containment which layers contained the learner's code; null in reports of schema 1.0
 */
public record GradeReport(
        String schemaVersion,
        GraderInfo grader,
        String submission,
        Instant startedAt,
        long durationMs,
        double score,
        double maxScore,
        List<ExerciseResult> exercises,
        Containment containment) {

    /** The version of the report's JSON shape: the minor raised when fields are added, the major on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.1";

    public GradeReport {
        Objects.requireNonNull(schemaVersion, "schemaVersion must not be null");
        Objects.requireNonNull(grader, "grader must not be null");
        Objects.requireNonNull(submission, "submission must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        exercises = List.copyOf(exercises);
    }

    /** Which grader wrote the report. */
    public record GraderInfo(String name, String version) {
        public GraderInfo {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(version, "version must not be null");
        }
    }
}

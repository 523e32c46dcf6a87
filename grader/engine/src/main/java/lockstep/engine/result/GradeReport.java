package lockstep.engine.result;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on a whole submission: what {@code results.json} holds.
 *
 * @param submission where the submission came from, as given
 * @param notes what the grader noticed about the submission as a whole and set aside (files in no
 *     exercise's package, resource files, files over a size cap), in plain words; notes about one
 *     exercise's files are in that exercise's message instead
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
        List<String> notes,
        Containment containment) {

    /** The version of the report's JSON shape: the minor raised when fields are added, the major on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.1";

    public GradeReport {
        Objects.requireNonNull(schemaVersion, "schemaVersion must not be null");
        Objects.requireNonNull(grader, "grader must not be null");
        Objects.requireNonNull(submission, "submission must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        exercises = List.copyOf(exercises);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report with no submission-level notes and no word on containment. */
    public GradeReport(String schemaVersion, GraderInfo grader, String submission, Instant startedAt, long durationMs,
            double score, double maxScore, List<ExerciseResult> exercises) {
        this(schemaVersion, grader, submission, startedAt, durationMs, score, maxScore, exercises, List.of(), null);
    }

    /** Which grader wrote the report. */
    public record GraderInfo(String name, String version) {
        public GraderInfo {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(version, "version must not be null");
        }
    }
}

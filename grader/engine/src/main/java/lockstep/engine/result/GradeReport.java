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
 * @param failure why nothing was graded (no readable submission, or the grader itself failed), for the report
 *     {@link #notGraded} builds; null when grading ran, whatever the score, and in reports before schema 1.2
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
        Containment containment,
        Failure failure) {

    /** The version of the report's JSON shape: the minor raised when fields are added, the major on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.6";

    public GradeReport {
        Objects.requireNonNull(schemaVersion, "schemaVersion must not be null");
        Objects.requireNonNull(grader, "grader must not be null");
        Objects.requireNonNull(submission, "submission must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        exercises = List.copyOf(exercises);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report of a grading that ran: no {@link #failure()}. */
    public GradeReport(String schemaVersion, GraderInfo grader, String submission, Instant startedAt, long durationMs,
            double score, double maxScore, List<ExerciseResult> exercises, List<String> notes, Containment containment) {
        this(schemaVersion, grader, submission, startedAt, durationMs, score, maxScore, exercises, notes, containment, null);
    }

    /**
     * The report of a submission that was not graded at all: no exercise, a score of 0, and the
     * {@link Failure} saying why. Every report format writes it as a valid file with that score and
     * that message, so a course platform never finds its results file missing. The one place
     * such a report is made.
     *
     * @param maxScore the points the submission could have earned (the exercises asked for), so that
     *     platforms record a 0 out of them rather than nothing; 0 when not even that is known
     */
    public static GradeReport notGraded(Failure failure, String submission, double maxScore, Instant startedAt,
            long durationMs) {
        Objects.requireNonNull(failure, "failure must not be null");
        return new GradeReport(SCHEMA_VERSION, new GraderInfo("lockstep", graderVersion()), submission, startedAt,
                Math.max(0, durationMs), 0, Math.max(0, maxScore), List.of(), List.of(), null, failure);
    }

    private static String graderVersion() {
        return Objects.requireNonNullElse(GradeReport.class.getPackage().getImplementationVersion(), "dev");
    }

    /** A report with no submission-level notes and no word on containment. */
    public GradeReport(String schemaVersion, GraderInfo grader, String submission, Instant startedAt, long durationMs,
            double score, double maxScore, List<ExerciseResult> exercises) {
        this(schemaVersion, grader, submission, startedAt, durationMs, score, maxScore, exercises, List.of(), null);
    }

    /**
     * Why a submission was not graded at all.
     *
     * @param message what happened, in plain words, for the learner and the instructor
     */
    public record Failure(Kind kind, String message) {
        public Failure {
            Objects.requireNonNull(kind, "kind must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /** Whose side the failure is on. */
        public enum Kind {
            /** Nothing to grade: no submission, one that cannot be read, or a request the grader cannot serve. */
            NOT_GRADABLE("not-gradable"),
            /** The grader itself failed or was stopped (a bug, a broken installation, a time limit on the grader). */
            GRADER_FAILED("grader-failed");

            private final String json;

            Kind(String json) {
                this.json = json;
            }

            @com.fasterxml.jackson.annotation.JsonValue
            public String json() {
                return json;
            }
        }
    }

    /** Which grader wrote the report. */
    public record GraderInfo(String name, String version) {
        public GraderInfo {
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(version, "version must not be null");
        }
    }
}

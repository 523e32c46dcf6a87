package lockstep.progress;

import java.time.Instant;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.Timing;

/** Results built by hand for the progress tests: no grading. */
public final class Gradings {
    public static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
    public static final Instant LATER = Instant.parse("2026-03-01T11:00:00Z");

    private Gradings() {}

    /** An exercise graded at {@code score} of {@code max}, begun. */
    public static ExerciseResult graded(String id, double score, double max) {
        return new ExerciseResult(id, id, ExerciseStatus.GRADED, score, max, null, List.of(), Timing.NONE);
    }

    /** An exercise whose TODO methods were all still as the template has them. */
    public static ExerciseResult notStarted(String id, double max) {
        return new ExerciseResult(id, id, ExerciseStatus.GRADED, 0, max, null, List.of(), Timing.NONE, List.of("Todo.method"), true);
    }

    /** An exercise whose classes did not compile. */
    public static ExerciseResult compileError(String id, double max) {
        return new ExerciseResult(id, id, ExerciseStatus.COMPILE_ERROR, 0, max, "X.java:1: error", List.of(), Timing.NONE);
    }

    public static GradeReport report(String submission, Instant startedAt, ExerciseResult... results) {
        List<ExerciseResult> exercises = List.of(results);
        return new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"), submission, startedAt, 100,
                exercises.stream().mapToDouble(ExerciseResult::score).sum(), exercises.stream().mapToDouble(ExerciseResult::maxScore).sum(),
                exercises);
    }
}

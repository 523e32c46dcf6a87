package lockstep.progress;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import lockstep.engine.result.GradeReport;

/**
 * The content of {@code progress.json}: each exercise's {@link LastGrading}, by id, kept in the
 * order of the ids so that the file reads the same however it was merged.
 *
 * @param version the file's shape, {@link #VERSION}
 */
public record ChapterProgress(int version, Map<String, LastGrading> exercises) {
    public static final int VERSION = 1;

    public ChapterProgress {
        exercises = exercises == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(exercises));
    }

    public static ChapterProgress empty() {
        return new ChapterProgress(VERSION, Map.of());
    }

    /** This progress with the exercises {@code report} graded replaced by their new result; the others kept. */
    public ChapterProgress merged(GradeReport report) {
        Map<String, LastGrading> merged = new TreeMap<>(exercises);
        merged.putAll(LastGrading.of(report));
        return new ChapterProgress(VERSION, merged);
    }
}

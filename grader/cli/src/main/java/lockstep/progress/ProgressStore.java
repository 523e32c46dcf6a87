package lockstep.progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import lockstep.engine.result.GradeReport;

/**
 * {@code progress.json}: the last grading of each exercise of the learner's own work, kept across
 * runs that grade only some exercises (where {@code results.json} holds the last run alone).
 */
public final class ProgressStore {
    private final StateFile<ChapterProgress> file;

    public ProgressStore(Path file) {
        this.file = new StateFile<>(file, ChapterProgress.class);
    }

    public Path file() {
        return file.file();
    }

    /** The progress kept; empty when there is none, or it cannot be read. */
    public Optional<ChapterProgress> read() {
        return file.read();
    }

    /** Keeps the results of the exercises {@code report} graded, in place of their earlier ones; returns the progress now kept. */
    public ChapterProgress record(GradeReport report) throws IOException {
        ChapterProgress progress = read().orElseGet(ChapterProgress::empty).merged(report);
        file.write(progress);
        return progress;
    }
}

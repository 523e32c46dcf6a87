package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.GradeReport;
import lockstep.progress.ChapterProgress;
import lockstep.progress.HintStore;
import lockstep.progress.LastGrading;
import lockstep.progress.ProgressStore;

/**
 * The learner's own files in the course repository: their {@code templates/}, the {@code results.json}
 * {@code ./grade} writes, and the state folder ({@code .lockstep/}) with their progress and the hints seen.
 *
 * @param root the course repository
 * @param state the folder of {@code progress.json} and {@code hints.json}
 */
record WorkingCopy(Path root, Path state) {
    /** The working copy {@code ./grade} runs in: {@link Setup#repo()} and {@link Setup#state()}. */
    static WorkingCopy current() {
        return new WorkingCopy(Setup.repo(), Setup.state());
    }

    Path templates() {
        return root.resolve("templates");
    }

    Path results() {
        return root.resolve("results.json");
    }

    ProgressStore progress() {
        return new ProgressStore(state.resolve("progress.json"));
    }

    HintStore hints() {
        return new HintStore(state.resolve("hints.json"));
    }

    /**
     * Whether a grading of {@code submission} that writes {@code files} is of the learner's own work and
     * so counts as their progress: of their {@code templates/}, with the results in their {@code results.json}
     * (an instructor's {@code --submission other --json x} is not).
     */
    boolean isOwnWork(Path submission, Reports files) {
        return submission.toAbsolutePath().normalize().equals(templates().toAbsolutePath().normalize()) && files.writes(results());
    }

    /** {@code file} as the learner would type it: relative to the repository when inside it. */
    String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path repo = root.toAbsolutePath().normalize();
        return absolute.startsWith(repo) ? repo.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * Each exercise's last grading of the learner's own work: the progress kept, or, where there is
     * none yet (it is kept since issue 12), what {@code results.json} holds when it is of {@code templates/}.
     */
    Map<String, LastGrading> lastGradings() {
        return progress().read().map(ChapterProgress::exercises).orElseGet(() -> lastGradings(results(), templates()));
    }

    /** Keeps {@code report}'s results in the progress; a failure to write it is said on {@code err}, not thrown. */
    void record(GradeReport report, PrintWriter err) {
        try {
            progress().record(report);
        } catch (IOException | RuntimeException e) {
            err.println("grade: cannot keep your progress in " + shown(progress().file()) + ": " + e.getMessage());
            err.flush();
        }
    }

    /** Each exercise's result in the report {@code json}, when it is one of {@code submission}; none otherwise, or when unreadable. */
    static Map<String, LastGrading> lastGradings(Path json, Path submission) {
        if (!Files.isRegularFile(json)) {
            return Map.of();
        }
        try {
            GradeReport report = JsonReport.read(json);
            if (submission != null && !Path.of(report.submission()).toAbsolutePath().normalize()
                    .equals(submission.toAbsolutePath().normalize())) {
                return Map.of();
            }
            return LastGrading.of(report);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}

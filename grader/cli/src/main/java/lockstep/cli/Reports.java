package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.HiddenTests;
import lockstep.engine.report.ReportFormat;
import lockstep.engine.report.ReportFormats;
import lockstep.engine.report.ReportOptions;
import lockstep.engine.result.GradeReport;

/**
 * The files one {@code ./grade} run writes: every {@code --report} and {@code --json}, each whole
 * or not at all, and all of them whatever happens: a run that cannot grade writes the report of
 * {@link GradeReport#notGraded} in every requested format instead.
 */
final class Reports {
    /** @param forLearner written as the learner may see it ({@link HiddenTests}): the default {@code results.json} in the learner's folder */
    private record Target(ReportFormat format, Path file, boolean forLearner) {}

    private final List<Target> targets;
    private final Instant startedAt = Instant.now();
    private final long start = System.nanoTime();

    private Reports(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * The reports asked for: each {@code --report}, then {@code --json} (the native format's alias),
     * then, when neither asked for the native results, {@code fallbackJson} if there is one. The native
     * results asked for are the instructor's record, whole; {@code fallbackJson} is the one {@code ./grade}
     * writes into the learner's folder, so its hidden tests are hidden unless {@link ReportOptions#showHidden()}.
     */
    static Reports of(List<ReportRequest> requests, Path json, Path fallbackJson, ReportOptions options) {
        List<Target> targets = new ArrayList<>();
        for (ReportRequest request : requests) {
            targets.add(new Target(ReportFormats.find(request.format(), options).orElseThrow(), request.file(), false));
        }
        if (json != null) {
            targets.add(new Target(ReportFormats.find("json", options).orElseThrow(), json, false));
        }
        if (fallbackJson != null && targets.stream().noneMatch(t -> t.format().name().equals("json"))) {
            targets.add(new Target(ReportFormats.find("json", options).orElseThrow(), fallbackJson, !options.showHidden()));
        }
        return new Reports(targets);
    }

    /** Whether one of the reports goes to {@code file}. */
    boolean writes(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return targets.stream().anyMatch(t -> t.file().toAbsolutePath().normalize().equals(wanted));
    }

    /** Writes every report of {@code report}; tries them all, then throws the first failure, if any. */
    void write(GradeReport report, PrintWriter out) throws IOException {
        IOException first = null;
        for (Target target : targets) {
            try {
                ReportFormats.write(target.format(), target.forLearner() ? HiddenTests.forLearners(report) : report, target.file());
                if (out != null) {
                    out.println((target.format().name().equals("json") ? "Results" : "The " + target.format().name() + " report")
                            + " written to " + target.file());
                }
            } catch (IOException | RuntimeException e) {
                if (first == null) {
                    first = new IOException("cannot write " + target.file() + ": " + e.getMessage(), e);
                }
            }
        }
        if (out != null) {
            out.flush();
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Writes the report of a run that graded nothing in every requested format, with a score of 0
     * and why; never throws, since it runs on the way out of a failure that is already being reported.
     *
     * @param exercises the exercises asked for (all when empty), for the maximum they could have earned
     */
    void writeNotGraded(GradeReport.Failure failure, String submission, List<String> exercises, PrintWriter err) {
        if (targets.isEmpty()) {
            return;
        }
        GradeReport report = GradeReport.notGraded(failure, submission, plannedMax(exercises), startedAt,
                (System.nanoTime() - start) / 1_000_000);
        try {
            write(report, null);
        } catch (IOException e) {
            err.println("grade: " + e.getMessage());
            err.flush();
        }
    }

    /** The points the exercises asked for are worth, those the course knows; 0 when the course cannot be loaded. */
    static double plannedMax(List<String> exercises) {
        try {
            return Catalog.load().exercises().stream().filter(e -> exercises.isEmpty() || exercises.contains(e.id()))
                    .mapToInt(Exercise::maxScore).sum();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }
}

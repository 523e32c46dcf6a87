package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lockstep.engine.GradeRequest;
import lockstep.engine.Grader;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.ReportOptions;
import lockstep.engine.sandbox.SandboxMode;
import lockstep.engine.submission.SubmissionReader;
import lockstep.progress.ExerciseState;
import lockstep.progress.LastGrading;
import lockstep.watch.SaveWatcher;
import lockstep.watch.WatchLoop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade watch [EXERCISE]}: grades the exercise the learner is working on, then again each
 * time they save a Java file under their working copy, until Ctrl-C; at full marks it moves on to
 * the next exercise. One grader stays warm in this JVM between gradings (javac loaded and
 * compiled, the course read once), so a verdict comes about as fast as the suite runs.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Grades the exercise you are working on (the first one not at full marks in your progress, "
                + ".lockstep/progress.json, or EXERCISE), then again each time you save a .java file under your working copy, "
                + "clearing the screen between runs. A save during a grading starts it again. At full marks it says so and moves "
                + "to the next exercise. Ctrl-C stops.",
            "After each grading it writes results.json, as ./grade does, and, for your templates/, your progress."})
final class WatchCommand implements Callable<Integer> {
    /** How long file events must stop before a grading starts: one save is several events, a few milliseconds apart. */
    static final Duration QUIET = Duration.ofMillis(50);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE", arity = "0..1", description = "The exercise to start with, e.g. mutex "
            + "(default: the first one not at full marks in your progress, or in results.json before there is any).")
    private String exercise;

    @Option(names = "--submission", paramLabel = "FOLDER", description = "The folder to watch and grade (default: templates/ of this repository).")
    private Path submission;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the results after each grading (default: results.json of this repository).")
    private Path json;

    @Option(names = "--stay", description = "Stay on the exercise at full marks rather than move on to the next.")
    private boolean stay;

    @Option(names = "--timing", description = "Also print where the time went, after each grading.")
    private boolean timing;

    @Mixin
    private HiddenTestsOption hidden = new HiddenTestsOption();

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", converter = LockstepCommand.SandboxModes.class,
            description = "auto, required or off, as for ./grade (default: ${DEFAULT-VALUE}).")
    private SandboxMode sandbox = SandboxMode.AUTO;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WorkingCopy copy = WorkingCopy.current();
        Path target = (submission != null ? submission : copy.templates()).toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            throw new ExitCode.UsageException("watch needs a folder to watch, and " + target
                    + (Files.exists(target) ? " is not one (grade a .zip with ./grade --submission)" : " does not exist"));
        }
        double slack = Setup.slack();
        Grader grader = Setup.grader(sandbox);
        List<String> order = grader.catalog().exercises().stream().map(Exercise::id).toList();
        Path last = json != null ? json : copy.results();
        Reports results = Reports.of(List.of(), json, json == null ? last : null, new ReportOptions(false, hidden.showHidden()));
        boolean ownWork = copy.isOwnWork(target, results);
        int first = exercise != null ? indexOf(order, exercise)
                : firstNotFull(order, ownWork ? copy.lastGradings() : WorkingCopy.lastGradings(last, target));
        PrintWriter out = spec.commandLine().getOut();
        boolean ansi = Setup.ansi();
        PrintWriter err = spec.commandLine().getErr();
        WatchScreen screen = new WatchScreen(out, ansi, hidden.showHidden(), timing, target, report -> {
            try {
                results.write(report, null);
            } catch (IOException e) {
                err.println("grade: " + e.getMessage());
                err.flush();
            } finally {
                if (ownWork) {
                    copy.record(report, err);
                }
            }
        });
        CountDownLatch closed = new CountDownLatch(1);
        try (Grader.Repeated repeated = grader.repeated()) {
            WatchLoop loop = new WatchLoop(stay ? List.of(order.get(first)) : order, id -> {
                try (LiveLine live = LiveLine.start(out, ansi)) {
                    return repeated.grade(GradeRequest.builder(target).exercise(id).slack(slack).listener(live).build());
                }
            }, screen);
            // Ctrl-C: end the grading under way and kill the test JVMs, so that none outlives the watch.
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                loop.stop();
                try {
                    closed.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try (SaveWatcher watcher = SaveWatcher.start(target, c -> relevant(target, c), QUIET, loop::saved, e -> {
                err.println("grade: stopped watching " + target + ": " + e);
                err.flush();
                loop.stop();
            })) {
                loop.run(stay ? 0 : first);
            }
        } finally {
            closed.countDown();
        }
        return ExitCode.GRADER_FAILED.code;
    }

    /**
     * A save under {@code root} worth grading: a Java file, or a folder (a package moved in), outside
     * the folders the grader never reads; an editor's swap and backup files are not.
     */
    static boolean relevant(Path root, SaveWatcher.Change change) {
        Path path = change.path().startsWith(root) ? root.relativize(change.path()) : change.path();
        if (path.getFileName() == null) {
            return true;
        }
        for (Path part : path) {
            if (SubmissionReader.IGNORED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = path.getFileName().toString();
        return change.folder() ? !name.startsWith(".") : name.endsWith(".java");
    }

    private static int indexOf(List<String> order, String id) {
        int index = order.indexOf(id);
        if (index < 0) {
            throw new ExitCode.UsageException("no exercise '" + id + "'; the exercises are " + order);
        }
        return index;
    }

    /**
     * The first exercise, in the course's order, that the last gradings do not show at full marks
     * (one without a grading counts as not), or the last exercise when they show every one at full
     * marks. Where the learner really is, the watch finds by moving on at full marks.
     */
    static int firstNotFull(List<String> order, Map<String, LastGrading> last) {
        for (int i = 0; i < order.size(); i++) {
            if (ExerciseState.of(last.get(order.get(i))) != ExerciseState.DONE) {
                return i;
            }
        }
        return order.size() - 1;
    }
}

package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lockstep.batch.Batch;
import lockstep.batch.ChildGrader;
import lockstep.batch.Progress;
import lockstep.batch.discover.Discovered;
import lockstep.batch.discover.Discovery;
import lockstep.batch.discover.Layout;
import lockstep.batch.discover.Roster;
import lockstep.batch.discover.Skipped;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.Shard;
import lockstep.batch.output.StudentReports;
import lockstep.batch.output.Summary;
import lockstep.batch.output.Verdict;
import lockstep.engine.Grader;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.ReportFormats;
import lockstep.engine.report.ReportOptions;
import lockstep.engine.report.TextReport;
import lockstep.engine.sandbox.SandboxMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade batch SUBMISSIONS --out DIR [EXERCISE...]}: grades a whole class's download for an
 * instructor, each submission in a grader process of its own, and writes every student's results
 * and feedback, {@code summary.json} and {@code gradebook.csv}. Started again with the same
 * arguments after being stopped, it grades only what has no result yet.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Grades every submission of a class: one folder or .zip per student, a Gradescope export, GitHub "
                + "Classroom repositories, or a Moodle or Canvas download. Writes DIR/students/<id>/results.json and "
                + "feedback.txt, DIR/summary.json, DIR/gradebook.csv and DIR/report.html. Started again, it grades only what has no result "
                + "yet, or changed."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the batch completed (whatever the scores)",
                "1:the grader failed (on some submission: see summary.json; or the batch itself)", "2:bad usage"})
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "The folder of submissions, as downloaded (and unzipped).")
    private Path submissions;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "EXERCISE", description = "Exercises to grade (default: all).")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the results (outside SUBMISSIONS).")
    private Path out;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "How many submissions to grade at a time (default: one per core).")
    private Integer jobs;

    @Option(names = "--roster", paramLabel = "CSV", description = "The roster: an id column, and optionally name, email, "
            + "sis user id, sis login id, section. Adds names and SIS ids to the gradebook, and a row for each student who submitted nothing.")
    private Path roster;

    @Option(names = "--retry-failed", description = "Grade again the submissions the grader failed on in an earlier run.")
    private boolean retryFailed;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto",
            description = "auto (default), folders, gradescope, github-classroom, moodle or canvas.")
    private String layout;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", converter = LockstepCommand.SandboxModes.class,
            description = "Passed to each grader: auto, required or off (default: ${DEFAULT-VALUE}).")
    private SandboxMode sandbox = SandboxMode.AUTO;

    @Option(names = "--shard", paramLabel = "I/N", description = "Grade only share I of N of the students (by a hash of "
            + "their id, the same on every machine), e.g. 2/3; then 'grade merge' joins the shards' --out folders.")
    private String shard;

    @Option(names = "--report", paramLabel = "FORMAT=FILE", converter = ReportRequest.Converter.class,
            description = "Also write each student's results in FORMAT to students/<id>/FILE (a plain file name, not results.json, "
                    + "feedback.txt or batch.json); repeatable. Formats as for ./grade --report. A student who was not graded "
                    + "gets each file too, with a score of 0 and why.")
    private List<ReportRequest> reports = new ArrayList<>();

    @Mixin
    private ShownOptions shown = new ShownOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        Shard share = shard == null ? null : Shard.parse(shard).orElseThrow(
                () -> new ExitCode.UsageException("--shard takes I/N with 1 <= I <= N, e.g. 2/3, not '" + shard + "'"));
        int parallel = jobs != null ? jobs : defaultJobs();
        if (parallel < 1) {
            throw new ExitCode.UsageException("--jobs takes a number from 1 up");
        }
        Path root = submissions.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ExitCode.UsageException("SUBMISSIONS must be a folder (unzip a downloaded .zip first): " + submissions);
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(root)) {
            throw new ExitCode.UsageException("--out must be outside SUBMISSIONS, or its results would be read as submissions");
        }
        Optional<Layout> forced = layout.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(Layout.byId(layout)
                .orElseThrow(() -> new ExitCode.UsageException("--layout takes auto, " + Layout.ids() + ", not '" + layout + "'")));
        StudentReports extra = studentReports();
        List<Exercise> chosen = select(Catalog.load());
        Roster people;
        try {
            people = roster == null ? Roster.empty() : Roster.read(roster);
        } catch (Roster.RosterException e) {
            throw new ExitCode.UsageException(e.getMessage());
        }
        Path home = Setup.home();
        double slack = Setup.slack();
        Files.createDirectories(target);
        try (FileChannel lockFile = FileChannel.open(target.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new ExitCode.UsageException("another batch is writing " + out + "; wait for it, or choose another --out");
            }
            Discovered found = Discovery.discover(root, forced, people);
            stdout.printf("Found %d submission%s in %s (%s)%s; grading %d at a time.%n", found.submissions().size(),
                    found.submissions().size() == 1 ? "" : "s", submissions, found.layout().id(),
                    found.skipped().isEmpty() ? "" : ", left out " + found.skipped().size() + " other entr"
                            + (found.skipped().size() == 1 ? "y" : "ies"), parallel);
            stdout.flush();
            ChildGrader grader = new ChildGrader(new ChildGrader.Launch(lockstep.engine.Installation.currentJava(),
                    ChildGrader.inheritedJvmOptions(), home, Setup.repo(), sandbox.name().toLowerCase(java.util.Locale.ROOT), exercises, limit(chosen, slack)));
            List<ExerciseColumn> columns = chosen.stream().map(e -> new ExerciseColumn(e.id(), e.title(), e.maxScore())).toList();
            Batch batch = new Batch(new Batch.Settings(target, columns, parallel, retryFailed, Grader.version(), submissions.toString(),
                    share, extra),
                    grader, new Progress(stdout, Setup.ansi(), System::nanoTime), Clock.systemUTC());
            Batch.Result result = batch.run(found, people);
            report(stdout, found, result);
            return result.failed().isEmpty() ? ExitCode.OK.code : ExitCode.GRADER_FAILED.code;
        }
    }

    /** The {@code --report}s, each a plain file name in every student's folder. */
    private StudentReports studentReports() {
        ReportOptions options = shown.reportOptions();
        try {
            return new StudentReports(reports.stream().map(r -> new StudentReports.Request(
                    ReportFormats.find(r.format(), options).orElseThrow(), r.file().toString())).toList(), shown.showHidden());
        } catch (IllegalArgumentException e) {
            throw new ExitCode.UsageException("--report: " + e.getMessage());
        }
    }

    private List<Exercise> select(Catalog catalog) {
        if (exercises.isEmpty()) {
            return catalog.exercises();
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String id : exercises) {
            chosen.add(catalog.find(id).orElseThrow(() -> new ExitCode.UsageException("no exercise '" + id
                    + "'; the exercises are " + catalog.exercises().stream().map(Exercise::id).toList())));
        }
        return chosen;
    }

    /** What the run did, after the progress lines: left-out entries, students not graded, the totals and where it all is. */
    private void report(PrintWriter stdout, Discovered found, Batch.Result result) {
        Summary summary = result.summary();
        for (Skipped skipped : found.skipped()) {
            stdout.printf("left out %s: %s%n", skipped.path(), skipped.reason());
        }
        for (String note : summary.notes()) {
            stdout.println("note: " + note);
        }
        for (Summary.Row row : summary.students()) {
            if (row.status() == Verdict.UNREADABLE || row.status() == Verdict.FAILED) {
                stdout.printf("%s %s: %s%n", row.status() == Verdict.FAILED ? "FAILED" : "unreadable", row.id(), row.reason());
            }
        }
        Summary.Totals totals = summary.totals();
        stdout.printf("%d student%s: %d graded, %d unreadable, %d failed, %d without a submission; mean %s%%. "
                        + "Graded %d submission%s now, kept %d earlier result%s.%n",
                totals.students(), totals.students() == 1 ? "" : "s", totals.graded(), totals.unreadable(), totals.failed(),
                totals.noSubmission(), totals.meanPercent() == null ? "-" : TextReport.number(totals.meanPercent()),
                result.gradedNow(), result.gradedNow() == 1 ? "" : "s", result.kept(), result.kept() == 1 ? "" : "s");
        if (!result.failed().isEmpty()) {
            stdout.println("The grader failed on " + result.failed().size() + " submission" + (result.failed().size() == 1 ? "" : "s")
                    + "; run the same command with --retry-failed to grade them again.");
        }
        stdout.printf("Wrote %s, %s, %s and %s%n", out.resolve("summary.json"), out.resolve("gradebook.csv"),
                out.resolve(lockstep.batch.html.ClassReport.FILE), out.resolve("students"));
        stdout.flush();
    }

    /**
     * One submission at a time per core: a grading mostly waits (held tasks, time budgets,
     * timeouts), and on 2 cores the whole course's verdicts held at 2, 3 and 4 at once
     * ({@code grader/jobs-check}, docs/evidence/jobs-5451610; every CI run verifies at 2).
     */
    static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * How long one grader may take: every chosen exercise's own limit plus a minute for compiling
     * and starting its JVM, times the slack, plus two minutes to start and report. Past it, the
     * grader is stopped and the submission recorded as failed.
     */
    static Duration limit(List<Exercise> exercises, double slack) {
        long seconds = exercises.stream().mapToLong(e -> e.exerciseTimeLimitSeconds() + 60L).sum();
        return Duration.ofSeconds(Math.round(seconds * slack) + 120);
    }

}

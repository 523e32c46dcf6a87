package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lockstep.engine.GradeRequest;
import lockstep.engine.Grader;
import lockstep.engine.GradingListener;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.JsonReport;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.sandbox.SandboxMode;
import lockstep.engine.sandbox.SandboxUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade [EXERCISE...]}: grades the learner's working copy, or {@code --submission},
 * prints a readable report and writes {@code results.json}; a grading of the learner's own
 * {@code templates/} into that file also updates their progress ({@link WorkingCopy#progress()}).
 */
@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = LockstepCommand.Version.class,
        subcommands = {ListCommand.class, HintCommand.class, BatchCommand.class, MergeCommand.class, VerifyCommand.class,
            PackageCommand.class, WatchCommand.class},
        description = "Grades the chapter's exercises: compiles your classes, runs each exercise's tests and explains what failed.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:grading completed (whatever the score)", "1:the grader itself failed",
                "2:bad usage, or the submission could not be read", "3:the score is under --fail-under", "4:verify: a subject missed what it must earn, or was flaky"})
final class LockstepCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE", arity = "0..*", description = "Exercises to grade, e.g. spawn-join mutex (default: all).")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--submission", paramLabel = "PATH", description = "A folder or .zip to grade (default: templates/ of this repository).")
    private Path submission;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the results (default: results.json of this repository); "
            + "the same as --report json=FILE.")
    private Path json;

    @Option(names = "--report", paramLabel = "FORMAT=FILE", converter = ReportRequest.Converter.class,
            description = "Also write the results in FORMAT to FILE; repeatable. FORMAT: json (the native results), text (what "
                    + "./grade prints), gradescope, prairielearn, classroom (GitHub Classroom), junit (JUnit XML), vpl (Moodle VPL). "
                    + "Written whatever happens: when nothing could be graded, with a score of 0 and why.")
    private List<ReportRequest> reports = new ArrayList<>();

    @Mixin
    private ShownOptions shown = new ShownOptions();

    @Option(names = "--timing", description = "Also print where the time went, per exercise.")
    private boolean timing;

    @Option(names = "--verbose", description = "Also print what the OS sandbox takes away from the tests and the limits on them.")
    private boolean verbose;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", converter = SandboxModes.class,
            description = "auto: run tests in an OS sandbox (bubblewrap) when this machine allows one; "
                    + "required: exit with status 1 when it does not; off: never (default: ${DEFAULT-VALUE}).")
    private SandboxMode sandbox = SandboxMode.AUTO;

    @Option(names = "--fail-under", paramLabel = "PERCENT", description = "Exit with status 3 when the score is under PERCENT of the maximum.")
    private Double failUnder;

    /** For the graders {@code ./grade batch} starts: halt when standard input ends, that is when the batch died. */
    @Option(names = lockstep.batch.ChildGrader.DIE_WITH_STDIN, hidden = true)
    private boolean dieWithStdin;

    static CommandLine commandLine() {
        return new CommandLine(new LockstepCommand())
                .setExitCodeExceptionMapper(new ExitCode.Mapper())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(e instanceof ExitCode.UsageException ? "grade: " + e.getMessage()
                            : "grade: the grader failed: " + e);
                    cmd.getErr().flush();
                    return cmd.getExitCodeExceptionMapper().getExitCode(e);
                });
    }

    @Override
    public Integer call() throws IOException {
        WorkingCopy copy = WorkingCopy.current();
        Path target = submission != null ? submission : copy.templates();
        Reports files = Reports.of(reports, json, json == null ? copy.results() : null, shown.reportOptions());
        GradeReport report;
        try {
            report = grade(target);
        } catch (Throwable e) {
            boolean usage = e instanceof ExitCode.UsageException;
            String why = usage ? e.getMessage() : e instanceof SandboxUnavailableException ? e.getMessage() : "the grader failed: " + e;
            files.writeNotGraded(new GradeReport.Failure(usage ? GradeReport.Failure.Kind.NOT_GRADABLE
                    : GradeReport.Failure.Kind.GRADER_FAILED, why), target.toString(), exercises, spec.commandLine().getErr());
            if (e instanceof SandboxUnavailableException) {
                spec.commandLine().getErr().println("grade: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCode.GRADER_FAILED.code;
            }
            throw e;
        }
        try {
            files.write(report, spec.commandLine().getOut());
        } finally {
            if (copy.isOwnWork(target, files)) {
                copy.record(report, spec.commandLine().getErr());
            }
        }
        if (failUnder != null && report.score() * 100 < failUnder * report.maxScore()) {
            return ExitCode.BELOW_THRESHOLD.code;
        }
        return ExitCode.OK.code;
    }

    /** Grades {@code target} and prints the text report; a problem with the request is a {@link ExitCode.UsageException}. */
    private GradeReport grade(Path target) throws IOException {
        if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
            throw new ExitCode.UsageException("--fail-under takes a percentage from 0 to 100");
        }
        if (dieWithStdin) {
            ParentWatch.start(System.in);
        }
        PrintWriter out = spec.commandLine().getOut();
        Grader grader = Setup.grader(sandbox);
        int graded = exercises.isEmpty() ? grader.catalog().exercises().size() : exercises.size();
        boolean ansi = Setup.ansi();
        TextReport text = new TextReport(out, ansi, shown.showHidden(), graded > 1);
        GradingListener progress = new GradingListener() {
            @Override
            public void exerciseStarted(Exercise exercise) {
                spec.commandLine().getErr().printf("grading %s ...%n", exercise.id());
                spec.commandLine().getErr().flush();
            }

            @Override
            public void exerciseFinished(ExerciseResult result) {
                text.exercise(result);
            }
        };
        GradeReport report;
        // The live line is erased before each exercise's report is printed.
        try (LiveLine live = LiveLine.start(out, ansi)) {
            report = grader.grade(GradeRequest.builder(target).exercises(exercises).slack(Setup.slack())
                    .listener(live.andThen(progress)).build());
        } catch (IllegalArgumentException e) {
            throw new ExitCode.UsageException(e.getMessage());
        } catch (java.util.zip.ZipException e) {
            throw new ExitCode.UsageException("cannot read the submission: " + target + " is not a readable zip (" + e.getMessage() + ")");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ExitCode.UsageException("cannot read the submission: no such file " + e.getFile());
        } catch (lockstep.engine.submission.NotASubmissionException e) {
            throw new ExitCode.UsageException(e.getMessage());
        }
        text.total(report);
        if (timing) {
            text.timing(report);
        }
        text.containment(report, verbose);
        return report;
    }

    /** {@code auto}, {@code required}, {@code off}, as the user writes them. */
    static final class SandboxModes implements CommandLine.ITypeConverter<SandboxMode> {
        @Override
        public SandboxMode convert(String value) {
            try {
                return SandboxMode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--sandbox takes auto, required or off, not '" + value + "'");
            }
        }
    }

    /** The version line of {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Lockstep " + Grader.version()};
        }
    }
}

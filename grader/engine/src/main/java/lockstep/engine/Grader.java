package lockstep.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.catalog.TodoMethod;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.contract.ContractCheck;
import lockstep.engine.contract.ContractMismatch;
import lockstep.engine.policy.Policy;
import lockstep.engine.policy.PolicyResult;
import lockstep.engine.result.Containment;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.Timing;
import lockstep.engine.run.ClassData;
import lockstep.engine.run.JvmOptions;
import lockstep.engine.run.RunResult;
import lockstep.engine.run.RunSpec;
import lockstep.engine.run.SuiteRunner;
import lockstep.engine.sandbox.Detection;
import lockstep.engine.sandbox.Host;
import lockstep.engine.sandbox.OthersAccess;
import lockstep.engine.sandbox.Sandbox;
import lockstep.engine.sandbox.SandboxMode;
import lockstep.engine.score.Scorer;
import lockstep.engine.stubs.StubFinder;
import lockstep.engine.submission.ExerciseSources;
import lockstep.engine.submission.Note;
import lockstep.engine.submission.SourceFile;
import lockstep.engine.submission.Submission;
import lockstep.engine.submission.SubmissionReader;

/**
 * Grades submissions: the pipeline read → select → compile → police → find stubs → compare with the contract → run → score, one exercise at a
 * time, each in its own work folder and test JVM, so one exercise's failure never costs another.
 *
 * <pre>{@code
 * Grader grader = Grader.create(Installation.fromHome(home));
 * GradeReport report = grader.grade(GradeRequest.builder(Path.of("submission.zip")).build());
 * }</pre>
 */
public final class Grader {
    /** The grader's name in reports. */
    public static final String NAME = "lockstep";

    private final Catalog catalog;
    private final Compiler compiler;
    private final Policy policy;
    private final SuiteRunner runner;
    private final Containment containment;

    Grader(Catalog catalog, Compiler compiler, Policy policy, SuiteRunner runner, Sandbox.Description sandbox) {
        this.catalog = catalog;
        this.compiler = compiler;
        this.policy = policy;
        this.runner = runner;
        this.containment = new Containment(true, true, runner.encapsulatesJvm(), true, sandbox.summary(), sandbox.limits());
    }

    /**
     * A grader for the course on its class path, starting test JVMs from {@code installation}, in
     * an OS sandbox when this machine allows one.
     */
    public static Grader create(Installation installation) {
        return create(installation, SandboxMode.AUTO);
    }

    /**
     * A grader for the course on its class path, starting test JVMs from {@code installation},
     * in an OS sandbox as {@code sandbox} says.
     *
     * @throws lockstep.engine.sandbox.SandboxUnavailableException when a sandbox is required and this machine has none
     */
    public static Grader create(Installation installation, SandboxMode sandbox) {
        return create(Catalog.load(), installation, sandbox, Host.detect());
    }

    /** As {@link #create(Installation, SandboxMode)}, for {@code catalog}, on {@code host} rather than this machine as it is. */
    static Grader create(Catalog catalog, Installation installation, SandboxMode sandbox, Host host) {
        JvmOptions options = JvmOptions.defaults(installation.java(), installation.runnerClasspath())
                .withJdkModules(catalog.jdkModules());
        if (installation.classData().isPresent()) {
            List<String> training = catalog.exercises().stream().map(e -> e.tests().get(0).uniqueId()).toList();
            options = ClassData.prepare(options, installation.classData().get(), training);
        }
        options = options.withSandbox(Detection.forTestJvms(sandbox, installation.java(), options.readable(), host));
        return new Grader(catalog, Compiler.create(), Policy.create(), SuiteRunner.create(options),
                options.sandbox().description());
    }

    /** Which layers contain learner code when this grader grades; the same for every report it writes. */
    public Containment containment() {
        return containment;
    }

    /** The course this grader grades. */
    public Catalog catalog() {
        return catalog;
    }

    /** This grader's version, as its jar says; {@code dev} when run from classes. */
    public static String version() {
        return Objects.requireNonNullElse(Grader.class.getPackage().getImplementationVersion(), "dev");
    }

    /**
     * Grades one submission.
     *
     * @throws IOException when the submission cannot be read at all ({@link lockstep.engine.submission.NotASubmissionException}
     *     when it is neither a folder nor a zip)
     * @throws IllegalArgumentException when the request names an exercise the course does not have
     */
    public GradeReport grade(GradeRequest request) throws IOException {
        return grade(request, null);
    }

    /**
     * A grader for grading the same submission again and again, as {@code ./grade watch} does: it
     * keeps its work folders between gradings and, after each, boots the test JVM of each exercise it
     * graded, idle (no learner code runs in it) until the next grading of that exercise takes it, so
     * that a JVM's start is no longer on the way to the verdict. Close it to kill those JVMs.
     */
    public Repeated repeated() throws IOException {
        return new Repeated(Workspace.kept());
    }

    /**
     * Grades again and again from one kept {@link Workspace}; one grading at a time. See {@link #repeated()}.
     * Grade from one thread that lives as long as this does: a test JVM booted ahead is started by the
     * thread that graded, and bubblewrap's {@code --die-with-parent} ends it when that thread ends.
     */
    public final class Repeated implements AutoCloseable {
        private final Workspace work;

        private Repeated(Workspace work) {
            this.work = work;
        }

        /** As {@link Grader#grade(GradeRequest)}; an interrupt cancels it (javac gives up, the test JVM is killed). */
        public GradeReport grade(GradeRequest request) throws IOException {
            return Grader.this.grade(request, work);
        }

        /** Kills the test JVMs booted ahead and deletes the work folders. */
        @Override
        public void close() {
            work.close();
        }
    }

    /** Grades in {@code kept}, or in a workspace of its own when null. */
    private GradeReport grade(GradeRequest request, Workspace kept) throws IOException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        List<Exercise> exercises = select(request.exercises());
        Submission read = SubmissionReader.read(request.submission());
        Submission submission = read.withNotes(read.declaringAnotherPackage(coursePackages()));
        Workspace work = kept != null ? kept : Workspace.temporary();
        List<ExerciseResult> results = new ArrayList<>();
        // One exercise is staged (compiled, its JVM booting) while the one before runs its tests.
        ExecutorService stager = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("lockstep-stage").unstarted(r));
        Future<Staged> next = null;
        try {
            for (int i = 0; i < exercises.size(); i++) {
                Exercise exercise = exercises.get(i);
                Staged staged = next != null ? await(next) : stage(exercise, submission, work, request);
                next = null;
                try (staged) {
                    if (i + 1 < exercises.size()) {
                        Exercise following = exercises.get(i + 1);
                        next = stager.submit(() -> stage(following, submission, work, request));
                    }
                    request.listener().exerciseStarted(exercise);
                    ExerciseResult result = staged.finish(request.listener());
                    results.add(result);
                    request.listener().exerciseFinished(result);
                }
            }
        } finally {
            if (next != null) {
                try {
                    await(next).close();
                } catch (IOException | RuntimeException e) {
                    // Grading already failed; this only releases the staged JVM.
                }
            }
            stager.shutdownNow();
            if (kept == null) {
                work.close();
            }
        }
        if (kept != null && !Thread.currentThread().isInterrupted()) {
            // After the verdict, not before: on a small machine the next JVM's start would slow this one's tests.
            kept.bootAhead(runner);
        }
        double score = results.stream().mapToDouble(ExerciseResult::score).sum();
        double max = results.stream().mapToDouble(ExerciseResult::maxScore).sum();
        return new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo(NAME, version()),
                request.submission().toString(), startedAt, (System.nanoTime() - start) / 1_000_000, score, max, results,
                submissionNotes(submission, exercises),
                request.staticPolicy() ? containment : containment.withoutStaticPolicy());
    }

    /**
     * The notes that belong to no exercise graded: the reader's notes that name none of their
     * packages' folders (e.g. in a flat layout), and one for every source in no exercise's package.
     */
    private List<String> submissionNotes(Submission submission, List<Exercise> graded) {
        List<Note> notes = new ArrayList<>(submission.notes().stream()
                .filter(n -> graded.stream().noneMatch(e -> n.concerns(e.packageName())))
                .toList());
        notes.addAll(submission.outsidePackages(coursePackages()));
        return Scorer.notes(notes);
    }

    private List<String> coursePackages() {
        return catalog.exercises().stream().map(Exercise::packageName).distinct().toList();
    }

    private static Staged await(Future<Staged> staged) throws IOException {
        try {
            return staged.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<Exercise> select(List<String> ids) {
        if (ids.isEmpty()) {
            return catalog.exercises();
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String id : ids) {
            chosen.add(catalog.find(id).orElseThrow(() -> new IllegalArgumentException("no exercise '" + id
                    + "'; the exercises are " + catalog.exercises().stream().map(Exercise::id).toList())));
        }
        return chosen;
    }

    /**
     * The first half of grading one exercise: chooses its sources, boots its test JVM and
     * compiles, so that it can overlap the previous exercise's tests.
     */
    private Staged stage(Exercise exercise, Submission submission, Workspace work, GradeRequest request) throws IOException {
        long start = System.nanoTime();
        ExerciseSources selected = ExerciseSources.select(submission, exercise, name -> catalog.givenSource(exercise,
                exercise.givenSources().get(exercise.givenClasses().indexOf(name))));
        List<String> notes = Scorer.notes(submission.notes().stream().filter(n -> n.concerns(exercise.packageName())).toList(),
                selected.ignored());
        if (selected.rejection().isPresent()) {
            return new Staged.Decided(Scorer.rejected(exercise, selected.rejection().get(), notes, Timing.NONE));
        }
        if (selected.isMissing()) {
            return new Staged.Decided(Scorer.missing(exercise, notes));
        }
        Path classes = work.folder(exercise.id(), "classes");
        Path scratch = work.folder(exercise.id(), "tmp");
        // A sandbox started as nobody reads the compiled classes: the folders now, the files once compiled.
        OthersAccess.open(classes.getParent());
        OthersAccess.open(classes);
        // The test JVM boots while javac compiles (or was booted ahead); it runs nothing of the learner's before run().
        SuiteRunner.Prepared prepared = work.prepare(runner, exercise.id(), runSpec(exercise, classes, scratch, request.slack()));
        Staged.Ready staged = null;
        try {
            CompileResult compiled = compiler.compile(withGivenClasses(selected.sources(), exercise), classes,
                    scaled(Compiler.TIME_LIMIT, request.slack()));
            Optional<ExerciseResult> refused = refused(exercise, compiled, notes, request.staticPolicy(), start);
            if (refused.isPresent()) {
                return new Staged.Decided(refused.get());
            }
            List<TodoMethod> stubs = StubFinder.stillStubs(classes, exercise);
            List<ContractMismatch> mismatches = ContractCheck.check(classes, exercise);
            OthersAccess.openTree(classes);
            prepared.load();
            staged = new Staged.Ready(exercise, prepared, notes, stubs, mismatches, compiled.durationMs(), start);
            return staged;
        } finally {
            if (staged == null) {
                prepared.close();
            }
        }
    }

    /** The verdict on compiled code that must not run: it did not compile, was refused, or breaks the policy. */
    private Optional<ExerciseResult> refused(Exercise exercise, CompileResult compiled, List<String> notes,
            boolean staticPolicy, long start) {
        if (!(compiled instanceof CompileResult.Compiled ok)) {
            return Optional.of(Scorer.notCompiled(exercise, compiled, notes, timingUntilNow(compiled, start)));
        }
        Set<String> course = exercise.givenClasses().stream().map(c -> exercise.packageName() + "." + c)
                .collect(Collectors.toSet());
        PolicyResult policed = staticPolicy
                ? policy.check(ok.classes(), exercise.packageName(), course, exercise.allowedApis())
                : PolicyResult.ALLOWED;
        return policed.allowed() ? Optional.empty()
                : Optional.of(Scorer.forbidden(exercise, policed.violations(), notes, timingUntilNow(compiled, start)));
    }

    /** The timing of an exercise that ends before its tests run. */
    private static Timing timingUntilNow(CompileResult compiled, long start) {
        return new Timing(compiled.durationMs(), 0, 0, millisSince(start), 0);
    }

    /** The learner's sources of the exercise with the course's given classes. */
    private List<SourceFile> withGivenClasses(List<SourceFile> learners, Exercise exercise) {
        List<SourceFile> sources = new ArrayList<>(learners);
        for (String given : exercise.givenSources()) {
            String name = given.substring(given.lastIndexOf('/') + 1);
            sources.add(new SourceFile("(course) " + given, exercise.packageName(),
                    name.substring(0, name.length() - ".java".length()), catalog.givenSource(exercise, given)));
        }
        return sources;
    }

    /** The exercise's tests in the order they run ({@link PlannedTest#runOrder}), with their limits scaled by the slack. */
    static RunSpec runSpec(Exercise exercise, Path classes, Path scratch, double slack) {
        return new RunSpec(exercise.tests().stream().sorted(Comparator.comparingInt(PlannedTest::runOrder))
                .map(t -> new RunSpec.TestSpec(t.uniqueId(), scaled(Duration.ofSeconds(t.timeLimitSeconds()), slack)))
                .toList(), classes, scratch, scaled(Duration.ofSeconds(exercise.exerciseTimeLimitSeconds()), slack), slack,
                exercise.packageName());
    }

    /** An exercise staged for its run: either already decided, or compiled with its test JVM booting. */
    private sealed interface Staged extends AutoCloseable {
        /** The second half: runs the suite and scores it, unless the verdict is in already; {@code listener} hears of each test. */
        ExerciseResult finish(GradingListener listener);

        /** Releases the test JVM if it was never run. */
        @Override
        void close();

        /** Ended before its tests could run (missing, rejected, not compiling, breaking the policy). */
        record Decided(ExerciseResult result) implements Staged {
            @Override
            public ExerciseResult finish(GradingListener listener) {
                return result;
            }

            @Override
            public void close() {}
        }

        /** Compiled and checked; its test JVM is loading the suite. */
        record Ready(Exercise exercise, SuiteRunner.Prepared prepared, List<String> notes, List<TodoMethod> stubs,
                List<ContractMismatch> mismatches, long compileMs, long startNanos) implements Staged {
            @Override
            public ExerciseResult finish(GradingListener listener) {
                try (prepared) {
                    RunResult run = prepared.run(new TestProgress(exercise, listener));
                    long testsMs = run.tests().stream().mapToLong(t -> t.durationMs()).sum();
                    Timing timing = new Timing(compileMs, run.jvmStartMs(), testsMs, millisSince(startNanos), run.jvmStarts());
                    return Scorer.graded(exercise, run, notes, timing, stubs, mismatches);
                }
            }

            @Override
            public void close() {
                prepared.close();
            }
        }
    }

    private static Duration scaled(Duration duration, double slack) {
        return Duration.ofMillis(Math.round(duration.toMillis() * slack));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

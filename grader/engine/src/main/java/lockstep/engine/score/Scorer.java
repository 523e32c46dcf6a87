package lockstep.engine.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.catalog.TodoMethod;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.contract.ContractMismatch;
import lockstep.engine.policy.Violation;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.Timing;
import lockstep.engine.run.RunResult;
import lockstep.engine.run.Stop;
import lockstep.engine.run.TestRun;
import lockstep.engine.submission.ExerciseSources;
import lockstep.engine.submission.Note;
import lockstep.runner.protocol.Event;

/**
 * The scoring rules: a passed test earns its points, every other ending earns nothing, and an
 * exercise scores the sum of its tests. Also builds the verdicts of exercises that never ran.
 */
public final class Scorer {
    private Scorer() {}

    /** The verdict on an exercise whose suite ran, with no word on the template's TODO methods. */
    public static ExerciseResult graded(Exercise exercise, RunResult run, List<String> notes, Timing timing) {
        return graded(exercise, run, notes, timing, List.of());
    }

    /** The verdict on an exercise whose suite ran, with no word on its classes' contract. */
    public static ExerciseResult graded(Exercise exercise, RunResult run, List<String> notes, Timing timing,
            List<TodoMethod> stubs) {
        return graded(exercise, run, notes, timing, stubs, List.of());
    }

    /**
     * The verdict on an exercise whose suite ran.
     *
     * @param stubs the exercise's {@link Exercise#todoMethods() TODO methods} the compiled code still
     *     leaves as the template has them; the exercise is not started when that is all of them
     * @param mismatches how the compiled code differs from the exercise's contract: said once in the
     *     exercise's message, before any test, and a test that failed to link on one of them points
     *     there instead of showing the error
     */
    public static ExerciseResult graded(Exercise exercise, RunResult run, List<String> notes, Timing timing,
            List<TodoMethod> stubs, List<ContractMismatch> mismatches) {
        Feedback feedback = new Feedback(exercise, mismatches);
        Map<String, TestRun> runs = run.tests().stream()
                .collect(Collectors.toMap(TestRun::uniqueId, Function.identity(), (a, b) -> a));
        List<TestResult> tests = new ArrayList<>();
        for (PlannedTest planned : exercise.tests()) {
            TestRun ran = runs.get(planned.uniqueId());
            if (ran == null) {
                throw new IllegalStateException("the run of " + exercise.id() + " has no result for " + planned.uniqueId());
            }
            tests.add(verdict(planned, ran, feedback));
        }
        ExerciseStatus status = switch (run.completion()) {
            case COMPLETED -> ExerciseStatus.GRADED;
            case CRASHED -> ExerciseStatus.CRASHED;
            case TIMED_OUT -> ExerciseStatus.TIMED_OUT;
        };
        List<String> message = new ArrayList<>(notes);
        if (!mismatches.isEmpty()) {
            message.add(0, ContractTexts.message(mismatches, exercise.id()));
        }
        run.stop().ifPresent(stop -> message.add(0, RunTexts.run(stop)));
        double score = tests.stream().mapToDouble(TestResult::points).sum();
        boolean notStarted = !stubs.isEmpty() && stubs.size() == exercise.todoMethods().size();
        return new ExerciseResult(exercise.id(), exercise.title(), status, score, exercise.maxScore(),
                message.isEmpty() ? null : String.join("\n", message), tests, timing,
                stubs.stream().map(TodoMethod::label).toList(), notStarted,
                mismatches.stream().map(ContractTexts::describe).toList());
    }

    /** The verdict on an exercise none of whose tests ran: every test is not run and earns nothing. */
    static ExerciseResult notRun(Exercise exercise, ExerciseStatus status, String message, Timing timing) {
        if (status == ExerciseStatus.GRADED) {
            throw new IllegalArgumentException("a graded exercise has run its tests");
        }
        List<TestResult> tests = exercise.tests().stream()
                .map(t -> new TestResult(t.id(), t.name(), TestStatus.NOT_RUN, 0, t.points(), notRunReason(status), "", null, 0,
                        t.visibility(), 0, TestProblem.NOT_RUN))
                .toList();
        return new ExerciseResult(exercise.id(), exercise.title(), status, 0, exercise.maxScore(), message, tests, timing);
    }

    /**
     * The verdict on an exercise of which the submission has no class.
     *
     * @param notes what the intake noted in the exercise's folder (a file there that declares another package), shown after the reason
     */
    public static ExerciseResult missing(Exercise exercise, List<String> notes) {
        return notRun(exercise, ExerciseStatus.MISSING, joined("No classes of package " + exercise.packageName()
                + " were found in the submission: " + String.join(", ", exercise.learnerClasses().stream()
                        .map(c -> c + ".java").toList()) + " should start with 'package " + exercise.packageName() + ";'.", notes),
                Timing.NONE);
    }

    /**
     * The intake's notes on one exercise, in the learner's words: the reader's notes that concern
     * it, then each of its sources left out for a class of the course's.
     */
    public static List<String> notes(List<Note> readerNotes, List<ExerciseSources.Ignored> ignored) {
        return Stream.concat(notes(readerNotes).stream(), ignored.stream().map(IntakeTexts::ignored)).toList();
    }

    /** The intake's notes, in the learner's words, in order. */
    public static List<String> notes(List<Note> notes) {
        return notes.stream().map(NoteTexts::text).toList();
    }

    /**
     * The verdict on an exercise whose sources were refused before they were compiled (too many
     * sources, two copies of a class; too many classes comes through {@link #notCompiled}).
     *
     * @param notes what the intake set aside of the exercise's, shown after the reason
     */
    public static ExerciseResult rejected(Exercise exercise, ExerciseSources.Rejection rejection, List<String> notes,
            Timing timing) {
        return rejected(exercise, IntakeTexts.rejected(rejection), notes, timing);
    }

    /** The verdict on an exercise whose code was refused before it could run, {@code reason} in the learner's words. */
    private static ExerciseResult rejected(Exercise exercise, String reason, List<String> notes, Timing timing) {
        return notRun(exercise, ExerciseStatus.REJECTED, joined(reason, notes), timing);
    }

    /**
     * The verdict on an exercise whose code was not compiled into classes that may run: a compile
     * error with javac's diagnostics or with why the compiler gave up, or a rejection of code with
     * too many classes.
     *
     * @param result how the compile ended; never {@link CompileResult.Compiled}
     * @param notes what the intake set aside of the exercise's, shown after the reason
     */
    public static ExerciseResult notCompiled(Exercise exercise, CompileResult result, List<String> notes, Timing timing) {
        return switch (result) {
            case CompileResult.Failed failed -> compileError(exercise, String.join("\n", failed.diagnostics()), notes, timing);
            case CompileResult.GaveUp gaveUp -> compileError(exercise, CompileTexts.gaveUp(gaveUp.reason()), notes, timing);
            case CompileResult.Rejected rejected -> rejected(exercise, CompileTexts.rejected(rejected.reason()), notes, timing);
            case CompileResult.Compiled compiled -> throw new IllegalArgumentException("compiled code is graded by its tests");
        };
    }

    private static ExerciseResult compileError(Exercise exercise, String why, List<String> notes, Timing timing) {
        return notRun(exercise, ExerciseStatus.COMPILE_ERROR, joined("Your code does not compile:\n" + why, notes), timing);
    }

    /** The verdict on an exercise whose compiled code reaches what the policy denies, each use described. */
    public static ExerciseResult forbidden(Exercise exercise, List<Violation> violations, List<String> notes, Timing timing) {
        return rejected(exercise, "Your code uses what exercises may not use, so none of it was run:\n"
                + String.join("\n", violations.stream().map(Violation::describe).toList()), notes, timing);
    }

    private static String joined(String message, List<String> notes) {
        return notes.isEmpty() ? message : message + "\n" + String.join("\n", notes);
    }

    private static String notRunReason(ExerciseStatus status) {
        return switch (status) {
            case COMPILE_ERROR -> "Not run: your code for this exercise does not compile.";
            case MISSING -> "Not run: the submission has no classes for this exercise.";
            case REJECTED -> "Not run: the submission was rejected for this exercise.";
            case CRASHED -> "Not run: the test JVM could not run.";
            case TIMED_OUT -> "Not run: the exercise ran out of time.";
            case GRADED -> throw new IllegalArgumentException("graded");
        };
    }

    private static TestResult verdict(PlannedTest planned, TestRun run, Feedback feedback) {
        Event.Output output = run.output();
        return switch (run.ending()) {
            case SUCCESSFUL -> new TestResult(planned.id(), planned.name(), TestStatus.PASSED, planned.points(),
                    planned.points(), null, output.text(), null, run.durationMs(), planned.visibility(), output.droppedBytes(), null);
            case FAILED -> {
                Event.Failure failure = run.failure().orElseThrow();
                TestStatus status = Feedback.isAssertion(failure) ? TestStatus.FAILED : TestStatus.ERRORED;
                Feedback.Described described = feedback.describe(failure);
                yield failed(planned, status, described.problem(), described.message(), run);
            }
            case ABORTED -> failed(planned, TestStatus.ERRORED, TestProblem.ABORTED, "The test was aborted before it could check anything"
                    + run.failure().map(f -> ": " + f.top().message()).orElse("."), run);
            case SKIPPED -> failed(planned, TestStatus.NOT_RUN, TestProblem.SKIPPED, "Skipped"
                    + run.failure().map(f -> ": " + f.top().message()).orElse("."), run);
            case TIMED_OUT -> failed(planned, TestStatus.TIMED_OUT, stopped(run), RunTexts.test(run), run);
            case JVM_DIED, OUT_OF_MEMORY -> failed(planned, TestStatus.ERRORED, stopped(run), RunTexts.test(run), run);
            case NOT_RUN -> failed(planned, TestStatus.NOT_RUN, stopped(run), RunTexts.test(run), run);
        };
    }

    /** The problem of a test the runner could not report, from how it ended and what stopped it. */
    private static TestProblem stopped(TestRun run) {
        return switch (run.ending()) {
            case TIMED_OUT -> run.stop().filter(Stop.ExerciseLimit.class::isInstance).isPresent()
                    ? TestProblem.EXERCISE_TIME_LIMIT : TestProblem.TIMED_OUT;
            case OUT_OF_MEMORY -> TestProblem.OUT_OF_MEMORY;
            case JVM_DIED -> switch (run.stop().orElseThrow()) {
                case Stop.BrokenChannel broken -> switch (broken.error().kind()) {
                    case TAMPERED -> TestProblem.CHANNEL_TAMPERED;
                    case UNREADABLE -> TestProblem.CHANNEL_UNREADABLE;
                };
                case Stop.Exited exited -> TestProblem.JVM_EXITED;
                default -> throw new IllegalArgumentException("a test JVM cannot die of " + run.stop());
            };
            case NOT_RUN -> TestProblem.NOT_RUN;
            case SUCCESSFUL, FAILED, ABORTED, SKIPPED -> throw new IllegalArgumentException("the runner reported " + run);
        };
    }

    private static TestResult failed(PlannedTest planned, TestStatus status, TestProblem problem, String message, TestRun run) {
        Event.Output output = run.output();
        return new TestResult(planned.id(), planned.name(), status, 0, planned.points(), message, output.text(),
                planned.hint(), run.durationMs(), planned.visibility(), output.droppedBytes(), problem);
    }
}

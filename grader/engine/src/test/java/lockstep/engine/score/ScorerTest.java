package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.CompileResult.GaveUp.Reason;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.TestVisibility;
import lockstep.engine.result.Timing;
import lockstep.engine.run.ChannelError;
import lockstep.engine.run.RunResult;
import lockstep.engine.run.Stop;
import lockstep.engine.run.TestRun;
import lockstep.runner.protocol.Event;
import org.junit.jupiter.api.Test;

/** The scoring rules and the learner-facing messages, one ending at a time. */
class ScorerTest {
    private static final Exercise EXERCISE = new Exercise("spawn-join", "Threads", "ch10.spawn", 1, List.of("Workers"),
            List.of("ch10/spawn/TaskFailedException.java"), List.of("a hint"), 60, List.of(), List.of(), List.of(
                    planned("passes", 2), planned("fails", 3), planned("todo", 1), planned("api", 1),
                    planned("stuck", 2), planned("died", 1), planned("never", 1), planned("aborted", 1),
                    planned("hog", 2)));

    private static PlannedTest planned(String method, int points) {
        return new PlannedTest("uid-" + method, "WorkersTest#" + method, method, points, "hint for " + method, 10);
    }

    private static Event.Failure failure(String type, String message, String... frames) {
        return new Event.Failure(List.of(new Event.Thrown(type, message, List.of(frames))));
    }

    /** A test as the runner reported it. */
    private static TestRun ended(String method, TestRun.Ending ending, Optional<Event.Failure> failure, String dump) {
        return new TestRun("uid-" + method, ending, failure, dump, Optional.empty(), new Event.Output("printed\n", 0), 12, 10_000);
    }

    /** A test the runner could not report, ended by {@code stop}. */
    private static TestRun stopped(String method, TestRun.Ending ending, Stop stop) {
        return new TestRun("uid-" + method, ending, Optional.empty(), "", Optional.of(stop), new Event.Output("printed\n", 0), 12,
                10_000);
    }

    private static final Stop EXITED = new Stop.Exited(0, "");

    private static final List<TestRun> RUNS = List.of(
            ended("passes", TestRun.Ending.SUCCESSFUL, Optional.empty(), ""),
            ended("fails", TestRun.Ending.FAILED, Optional.of(failure("org.opentest4j.AssertionFailedError",
                    "expected 3 results but got 2", "org.junit.Assert.fail(Assert.java:1)",
                    "ch10.spawn.Workers.lambda$runAll$0(Workers.java:42)", "ch10.spawn.tests.WorkersTest.fails(WorkersTest.java:9)")), ""),
            ended("todo", TestRun.Ending.FAILED, Optional.of(failure("java.lang.UnsupportedOperationException",
                    "TODO: start the threads", "ch10.spawn.Workers.runAll(Workers.java:27)")), ""),
            ended("api", TestRun.Ending.FAILED, Optional.of(failure("java.lang.NoSuchMethodError",
                    "'java.util.List ch10.spawn.Workers.runAll(java.util.List)'")), ""),
            ended("stuck", TestRun.Ending.TIMED_OUT, Optional.empty(), "\"main\" RUNNABLE\n  > at ch10.spawn.Workers.runAll(Workers.java:30)\n"),
            stopped("died", TestRun.Ending.JVM_DIED, EXITED),
            stopped("never", TestRun.Ending.NOT_RUN, EXITED),
            ended("aborted", TestRun.Ending.ABORTED, Optional.of(failure("org.opentest4j.TestAbortedException", "assumption")), ""),
            stopped("hog", TestRun.Ending.OUT_OF_MEMORY, new Stop.OutOfMemory("Java heap space", 256)));

    private final ExerciseResult result = graded(RUNS);

    private static ExerciseResult graded(List<TestRun> runs) {
        return Scorer.graded(EXERCISE, new RunResult(runs, RunResult.Completion.CRASHED, Optional.of(EXITED), 100, 1),
            List.of("a note"), Timing.NONE);
    }

    private TestResult test(String method) {
        return result.tests().stream().filter(t -> t.id().equals("WorkersTest#" + method)).findFirst().orElseThrow();
    }

    @Test
    void pairsEachPlannedTestWithItsRunByIdNotByPlace() {
        List<TestRun> reversed = new java.util.ArrayList<>(RUNS);
        java.util.Collections.reverse(reversed);

        assertThat(graded(reversed).tests()).isEqualTo(result.tests());
    }

    @Test
    void everyVerdictCarriesItsTestsDeclaredVisibilityGradedOrNot() {
        List<PlannedTest> tests = List.of(
                new PlannedTest("uid-passes", "WorkersTest#passes", "passes", 2, "h", 10, TestVisibility.HIDDEN),
                new PlannedTest("uid-fails", "WorkersTest#fails", "fails", 3, "h", 10, TestVisibility.AFTER_DUE_DATE),
                planned("never", 1));
        Exercise exercise = new Exercise("spawn-join", "Threads", "ch10.spawn", 1, List.of("Workers"), List.of(), List.of(), 60, List.of(),
                List.of(), tests);

        ExerciseResult graded = Scorer.graded(exercise, new RunResult(List.of(
                ended("passes", TestRun.Ending.SUCCESSFUL, Optional.empty(), ""),
                ended("fails", TestRun.Ending.FAILED, Optional.of(failure("org.opentest4j.AssertionFailedError", "no")), ""),
                stopped("never", TestRun.Ending.NOT_RUN, new Stop.Unreported())),
                RunResult.Completion.COMPLETED, Optional.empty(), 100, 1), List.of(), Timing.NONE);
        ExerciseResult notRun = Scorer.notRun(exercise, ExerciseStatus.COMPILE_ERROR, "does not compile", Timing.NONE);

        for (ExerciseResult result : List.of(graded, notRun)) {
            assertThat(result.tests()).extracting(TestResult::visibility)
                    .containsExactly(TestVisibility.HIDDEN, TestVisibility.AFTER_DUE_DATE, TestVisibility.VISIBLE);
        }
    }

    @Test
    void onlyAPassedTestEarnsItsPoints() {
        assertThat(result.tests()).filteredOn(t -> t.points() > 0).extracting(TestResult::id).containsExactly("WorkersTest#passes");
        assertThat(result.score()).isEqualTo(2);
        assertThat(result.maxScore()).isEqualTo(14);
        assertThat(test("passes").message()).isNull();
        assertThat(test("passes").hint()).isNull();
    }

    @Test
    void aFailedCheckKeepsItsMessageAndPointsAtTheLearnersLine() {
        assertThat(test("fails").status()).isEqualTo(TestStatus.FAILED);
        assertThat(test("fails").message()).isEqualTo("expected 3 results but got 2\nLook at: Workers.lambda$runAll$0(Workers.java:42)");
        assertThat(test("fails").hint()).isEqualTo("hint for fails");
        assertThat(test("fails").output()).isEqualTo("printed\n");
    }

    @Test
    void aTemplateMethodSaysItIsNotImplementedYet() {
        assertThat(test("todo").status()).isEqualTo(TestStatus.ERRORED);
        assertThat(test("todo").message()).isEqualTo(
                "Not implemented yet: Workers.runAll(Workers.java:27) still throws UnsupportedOperationException(\"TODO: start the threads\").");
    }

    @Test
    void aChangedSignatureIsExplainedAsAnApiMismatch() {
        assertThat(test("api").message()).startsWith("Your classes do not match the exercise's public API: the method")
                .contains("ch10.spawn.Workers.runAll", "exercises/spawn-join/README.md");
    }

    @Test
    void aTimedOutTestSaysItsLimitAndWhereItsThreadsWere() {
        assertThat(test("stuck").status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(test("stuck").message()).startsWith("Timed out after 10 s")
                .contains("Where the test's threads were (> marks your code):\n\"main\" RUNNABLE\n  > at ch10.spawn.Workers.runAll(Workers.java:30)");
    }

    @Test
    void aDeadJvmCostsTheRunningTestAndTheRestAreNotRun() {
        assertThat(result.status()).isEqualTo(ExerciseStatus.CRASHED);
        assertThat(result.message()).isEqualTo("The test JVM stopped with exit code 0 before it had run every test.\na note");
        assertThat(test("died").status()).isEqualTo(TestStatus.ERRORED);
        assertThat(test("died").message()).isEqualTo("The test JVM stopped with exit code 0 during this test");
        assertThat(test("never").status()).isEqualTo(TestStatus.NOT_RUN);
        assertThat(test("never").message()).isEqualTo("Not run: the test JVM stopped with exit code 0 before it had run every test.");
        assertThat(test("aborted").status()).isEqualTo(TestStatus.ERRORED);
        assertThat(test("aborted").points()).isZero();
    }

    @Test
    void runningOutOfMemorySaysSoWithTheHeapLimitAndEarnsNothing() {
        assertThat(test("hog").status()).isEqualTo(TestStatus.ERRORED);
        assertThat(test("hog").points()).isZero();
        assertThat(test("hog").message()).startsWith("Out of memory: your code used up the test JVM's memory during this test")
                .contains("limited to 256 MiB", "java.lang.OutOfMemoryError: Java heap space");
        assertThat(test("hog").hint()).isEqualTo("hint for hog");
    }

    @Test
    void eachVerdictCarriesItsProblemDecidedWithItsMessage() {
        assertThat(result.tests()).extracting(TestResult::problem).containsExactly(null, TestProblem.ASSERTION,
                TestProblem.NOT_IMPLEMENTED, TestProblem.CONTRACT, TestProblem.TIMED_OUT, TestProblem.JVM_EXITED,
                TestProblem.NOT_RUN, TestProblem.ABORTED, TestProblem.OUT_OF_MEMORY);
        assertThat(result.tests()).allMatch(t -> t.problem() == null ? t.status() == TestStatus.PASSED : t.problem().fits(t.status()));

        List<TestRun> others = List.of(
                ended("passes", TestRun.Ending.FAILED, Optional.of(failure("java.lang.IllegalStateException", "closed",
                        "ch10.spawn.Workers.runAll(Workers.java:31)")), ""),
                ended("fails", TestRun.Ending.SKIPPED, Optional.empty(), ""),
                stopped("todo", TestRun.Ending.TIMED_OUT, new Stop.ExerciseLimit(Duration.ofSeconds(60))),
                stopped("api", TestRun.Ending.TIMED_OUT, new Stop.Unanswered()),
                stopped("stuck", TestRun.Ending.JVM_DIED, new Stop.BrokenChannel(
                        new ChannelError(ChannelError.Kind.TAMPERED, "bad seal"), "")),
                stopped("died", TestRun.Ending.JVM_DIED, new Stop.BrokenChannel(
                        new ChannelError(ChannelError.Kind.UNREADABLE, "bad frame"), "")),
                stopped("never", TestRun.Ending.NOT_RUN, new Stop.ExerciseLimit(Duration.ofSeconds(60))),
                RUNS.get(7), RUNS.get(8));
        ExerciseResult graded = graded(others);

        assertThat(graded.tests()).extracting(TestResult::status, TestResult::problem).containsExactly(
                tuple(TestStatus.ERRORED, TestProblem.EXCEPTION),
                tuple(TestStatus.NOT_RUN, TestProblem.SKIPPED),
                tuple(TestStatus.TIMED_OUT, TestProblem.EXERCISE_TIME_LIMIT),
                tuple(TestStatus.TIMED_OUT, TestProblem.TIMED_OUT),
                tuple(TestStatus.ERRORED, TestProblem.CHANNEL_TAMPERED),
                tuple(TestStatus.ERRORED, TestProblem.CHANNEL_UNREADABLE),
                tuple(TestStatus.NOT_RUN, TestProblem.NOT_RUN),
                tuple(TestStatus.ERRORED, TestProblem.ABORTED),
                tuple(TestStatus.ERRORED, TestProblem.OUT_OF_MEMORY));
        assertThat(Scorer.notRun(EXERCISE, ExerciseStatus.COMPILE_ERROR, "Workers.java:3: error", Timing.NONE).tests())
                .extracting(TestResult::problem).containsOnly(TestProblem.NOT_RUN);
    }

    @Test
    void aProblemThatDoesNotFitTheStatusIsRefused() {
        assertThatThrownBy(() -> new TestResult("WorkersTest#a", "a", TestStatus.PASSED, 1, 1, null,
                "", null, 1, TestVisibility.VISIBLE, 0, TestProblem.ASSERTION)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a test with status passed cannot have the problem assertion: WorkersTest#a");
        assertThatThrownBy(() -> new TestResult("WorkersTest#a", "a", TestStatus.FAILED, 0, 1, "x",
                "", null, 1, TestVisibility.VISIBLE, 0, TestProblem.JVM_EXITED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExerciseThatNeverRanHasEveryTestNotRun() {
        ExerciseResult missing = Scorer.notRun(EXERCISE, ExerciseStatus.COMPILE_ERROR, "Workers.java:3: error", Timing.NONE);

        assertThat(missing.score()).isZero();
        assertThat(missing.maxScore()).isEqualTo(14);
        assertThat(missing.tests()).allMatch(t -> t.status() == TestStatus.NOT_RUN && t.message().contains("does not compile"));
    }

    @Test
    void codeThatWasNotCompiledIsACompileErrorOrARejectionInTheLearnersWords() {
        ExerciseResult errors = Scorer.notCompiled(EXERCISE, new CompileResult.Failed(List.of("Workers.java:3: ';' expected",
                "Workers.java:9: cannot find symbol"), 5), List.of("a note"), Timing.NONE);
        ExerciseResult gaveUp = Scorer.notCompiled(EXERCISE, new CompileResult.GaveUp(new Reason.OutOfMemory(), 5), List.of(),
                Timing.NONE);
        ExerciseResult tooMany = Scorer.notCompiled(EXERCISE, new CompileResult.Rejected(new CompileResult.TooManyClasses(600, 500), 5),
                List.of("a note"), Timing.NONE);

        assertThat(errors.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(errors.message()).isEqualTo("Your code does not compile:\nWorkers.java:3: ';' expected\n"
                + "Workers.java:9: cannot find symbol\na note");
        assertThat(gaveUp.status()).isEqualTo(ExerciseStatus.COMPILE_ERROR);
        assertThat(gaveUp.message()).isEqualTo("Your code does not compile:\n" + CompileTexts.gaveUp(new Reason.OutOfMemory()));
        assertThat(tooMany.status()).isEqualTo(ExerciseStatus.REJECTED);
        assertThat(tooMany.message()).isEqualTo(CompileTexts.rejected(new CompileResult.TooManyClasses(600, 500)) + "\na note");
        assertThat(List.of(errors, gaveUp, tooMany)).allMatch(r -> r.score() == 0 && r.tests().stream()
                .allMatch(t -> t.status() == TestStatus.NOT_RUN));
    }

    @Test
    void theStubsLeftAreNamedInCatalogOrderAndAllOfThemMeanNotStarted() {
        lockstep.engine.catalog.TodoMethod spawn = new lockstep.engine.catalog.TodoMethod("Workers", "spawn",
                List.of("String", "Runnable"), "Workers.spawn");
        lockstep.engine.catalog.TodoMethod runAll = new lockstep.engine.catalog.TodoMethod("Workers", "runAll", List.of("List"),
                "Workers.runAll");
        Exercise withTodos = new Exercise(EXERCISE.id(), EXERCISE.title(), EXERCISE.packageName(), 1, EXERCISE.learnerClasses(),
                EXERCISE.givenSources(), EXERCISE.hints(), 60, List.of(), List.of(), EXERCISE.tests(), List.of(spawn, runAll));
        RunResult run = new RunResult(RUNS, RunResult.Completion.COMPLETED, Optional.empty(), 100, 1);

        ExerciseResult untouched = Scorer.graded(withTodos, run, List.of(), Timing.NONE, List.of(spawn, runAll));
        ExerciseResult begun = Scorer.graded(withTodos, run, List.of(), Timing.NONE, List.of(runAll));
        ExerciseResult done = Scorer.graded(withTodos, run, List.of(), Timing.NONE, List.of());

        assertThat(untouched.notImplemented()).containsExactly("Workers.spawn", "Workers.runAll");
        assertThat(untouched.notStarted()).isTrue();
        assertThat(begun.notImplemented()).containsExactly("Workers.runAll");
        assertThat(begun.notStarted()).isFalse();
        assertThat(done.notImplemented()).isEmpty();
        assertThat(done.notStarted()).isFalse();
        assertThat(result.notImplemented()).as("no word on stubs").isEmpty();
    }

    @Test
    void aContractMismatchIsSaidOnceBeforeTheTestsAndATestThatFailedToLinkOnItPointsThere() {
        lockstep.engine.catalog.ContractMember runAll = new lockstep.engine.catalog.ContractMember(
                lockstep.engine.catalog.ContractMember.Kind.METHOD, "runAll", "(Ljava/util/List;)Ljava/util/List;", true, false);
        lockstep.engine.catalog.ContractType workers = new lockstep.engine.catalog.ContractType("Workers",
                lockstep.engine.catalog.ContractType.Kind.CLASS, false, List.of(), List.of(runAll));
        lockstep.engine.contract.ContractMismatch mismatch = new lockstep.engine.contract.ContractMismatch(workers, runAll,
                new lockstep.engine.contract.ContractMismatch.WrongStatic(true));
        RunResult run = new RunResult(RUNS, RunResult.Completion.COMPLETED, Optional.empty(), 100, 1);

        ExerciseResult graded = Scorer.graded(EXERCISE, run, List.of("a note"), Timing.NONE, List.of(), List.of(mismatch));
        TestResult api = graded.tests().stream().filter(t -> t.id().equals("WorkersTest#api")).findFirst().orElseThrow();

        assertThat(graded.message()).isEqualTo("Your classes do not match the exercise's contract (exercises/spawn-join/README.md): "
                + "Workers.runAll(List) must be static.\na note");
        assertThat(graded.contractMismatches()).containsExactly("Workers.runAll(List) must be static");
        assertThat(api.message()).isEqualTo("Calls Workers.runAll, which does not match the contract: see above.");
        assertThat(api.status()).isEqualTo(TestStatus.ERRORED);
        assertThat(graded.score()).as("the other tests keep their points").isEqualTo(result.score()).isEqualTo(2);
        assertThat(result.contractMismatches()).as("no word on the contract").isEmpty();
    }
}

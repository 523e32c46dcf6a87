package lockstep.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.Timing;
import org.junit.jupiter.api.Test;

class SubjectTest {
    private static TestResult passed(String id) {
        return new TestResult(id, id, TestStatus.PASSED, 2, 2, null, "", null, 1);
    }

    private static TestResult failed(String id, String message) {
        return new TestResult(id, id, TestStatus.FAILED, 0, 2, message, "", "look here", 1);
    }

    private static ExerciseResult result(TestResult... tests) {
        double score = List.of(tests).stream().mapToDouble(TestResult::points).sum();
        return new ExerciseResult("bank", "Bank", ExerciseStatus.GRADED, score, 2.0 * tests.length, null, List.of(tests), Timing.NONE);
    }

    /** A template's result: every TODO method still a stub. */
    private static ExerciseResult untouched(TestResult... tests) {
        return new ExerciseResult("bank", "Bank", ExerciseStatus.GRADED, 0, 2.0 * tests.length, null, List.of(tests), Timing.NONE,
                List.of("Bank.transfer"), true);
    }

    private static final Subject.Mutant MUTANT = new Subject.Mutant("bank", "observer-after-credit", Path.of("m"),
            "calls the observer after the credit", List.of("BankTest#b"));

    @Test
    void aMutantThatLosesExactlyItsTestsIsOk() {
        assertThat(MUTANT.problems(result(passed("BankTest#a"), failed("BankTest#b", "x")))).isEmpty();
    }

    @Test
    void aMutantThatPassesATestItMustFailIsAMissNamingTheTestAndTheMistake() {
        assertThat(MUTANT.problems(result(passed("BankTest#a"), passed("BankTest#b"))))
                .singleElement().asString().contains("BankTest#b", "calls the observer after the credit");
    }

    @Test
    void aMutantThatAlsoLosesAnotherTestIsAMissNamingItWithItsMessage() {
        assertThat(MUTANT.problems(result(failed("BankTest#a", "too slow"), failed("BankTest#b", "x"))))
                .singleElement().asString().contains("also lost", "BankTest#a", "too slow");
    }

    @Test
    void theSolutionAndAVariantNeedFullMarksAndATemplateZeroWithEveryTestSayingWhatIsMissing() {
        ExerciseResult full = result(passed("BankTest#a"));
        ExerciseResult lost = result(passed("BankTest#a"), failed("BankTest#b", "deadlock"));
        assertThat(new Subject.Solution("bank").problems(full)).isEmpty();
        assertThat(new Subject.Variant("bank", "fair", Path.of("v"), "fair locks").problems(lost))
                .singleElement().asString().contains("BankTest#b", "deadlock");
        assertThat(new Subject.Template("bank").problems(untouched(failed("BankTest#a", "Not implemented yet: Bank.transfer")))).isEmpty();
        assertThat(new Subject.Template("bank").problems(untouched(failed("BankTest#a", "NullPointerException"))))
                .singleElement().asString().contains("0 of 1 tests say \"Not implemented yet\"");
        assertThat(new Subject.Template("bank").problems(full)).contains("earned 2.0, not 0");
        assertThat(new Subject.Template("bank").problems(result(failed("BankTest#a", "Not implemented yet: Bank.transfer"))))
                .singleElement().asString().contains("not seen as not started", "found none still as stubs");
    }

    @Test
    void aSolutionTemplateOrVariantSeenAsNotMatchingTheContractIsAFalseReport() {
        String mismatch = "Bank.balance(int) must return long; yours returns int";
        ExerciseResult full = new ExerciseResult("bank", "Bank", ExerciseStatus.GRADED, 2, 2, null, List.of(passed("BankTest#a")),
                Timing.NONE, List.of(), false, List.of(mismatch));
        ExerciseResult untouched = new ExerciseResult("bank", "Bank", ExerciseStatus.GRADED, 0, 2, null,
                List.of(failed("BankTest#a", "Not implemented yet: Bank.transfer")), Timing.NONE, List.of("Bank.transfer"), true,
                List.of(mismatch));

        assertThat(new Subject.Solution("bank").problems(full)).containsExactly("seen as not matching the contract: " + mismatch);
        assertThat(new Subject.Variant("bank", "fair", Path.of("v"), "fair locks").problems(full)).singleElement().asString()
                .contains(mismatch);
        assertThat(new Subject.Template("bank").problems(untouched)).containsExactly("seen as not matching the contract: " + mismatch);
    }

    @Test
    void anOutcomeIsFlakyWhenATestsVerdictDiffersBetweenRunsEvenIfEveryRunPassed() {
        Outcome steady = new Outcome(MUTANT, List.of(Map.of("BankTest#b", TestStatus.FAILED), Map.of("BankTest#b", TestStatus.FAILED)),
                List.of(List.of(), List.of()), List.of(900L, 1_200L), java.util.Optional.empty());
        Outcome flaky = new Outcome(new Subject.Solution("bank"),
                List.of(Map.of("BankTest#a", TestStatus.PASSED), Map.of("BankTest#a", TestStatus.TIMED_OUT)),
                List.of(List.of(), List.of()), List.of(800L, 5_000L), java.util.Optional.empty());
        assertThat(steady.ok()).isTrue();
        assertThat(steady.explanation()).isEmpty();
        assertThat(flaky.ok()).isFalse();
        assertThat(flaky.flaky()).isTrue();
        assertThat(flaky.explanation()).isEqualTo("flaky: BankTest#a was passed, timed-out in runs 1 to 2");
        assertThat(flaky.row().passedRuns()).isEqualTo(2);
        assertThat(steady.row().slowestMs()).isEqualTo(1_200L);
    }

    @Test
    void roundsPutTheKthSubjectOfEveryExerciseInOneGrading() {
        Subject a1 = new Subject.Solution("a");
        Subject a2 = new Subject.Template("a");
        Subject a3 = new Subject.Mutant("a", "m", Path.of("m"), "mistake", List.of("T#x"));
        Subject b1 = new Subject.Solution("b");
        assertThat(Verifier.rounds(List.of(a1, a2, b1, a3))).containsExactly(List.of(a1, b1), List.of(a2), List.of(a3));
    }
}

package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.verify.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference solutions earn full marks, with every layer of containment active, while another
 * process keeps a core busy (without load, every run is checked by {@link CourseVerificationTest}),
 * and their text report is pinned by {@code golden/solutions.txt}.
 */
@Timeout(1800)
class ReferenceSolutionsTest {
    @TempDir
    Path dir;

    @Test
    void theTemplatesAndAMutantAreWrittenInEveryFormatWithTheNativeTotal() throws Exception {
        // The solutions' report is checked in every format below, under load; compile errors, policy
        // rejections and grader failures in PartialSubmissionTest, HostileCorpusTest and CommandLineTest.
        String first = Course.exercises().get(0).id();
        Subject.Template template = new Subject.Template(first);
        GradeReport templates = Course.grade(Course.tree().submission(List.of(template), Files.createTempDirectory(dir, "t")), first);
        assertThat(template.problems(templates.exercises().get(0))).as("the template of %s", first).isEmpty();
        EveryFormat.assertWrittenValidWithTheNativeTotal(templates, Files.createTempDirectory(dir, "template-reports"));

        Subject.Mutant mutant = Course.mutants().get(0);
        GradeReport mutated = Course.grade(Course.solutionsWith(mutant, Files.createTempDirectory(dir, "m")), mutant.exercise());
        assertThat(mutant.problems(mutated.exercises().get(0))).as("%s", mutant.label()).isEmpty();
        EveryFormat.assertWrittenValidWithTheNativeTotal(mutated, Files.createTempDirectory(dir, "mutant-reports"));
    }

    @Test
    void earnFullMarksWhileAnotherProcessKeepsACoreBusy() throws Exception {
        int runs = Course.LOAD ? Course.REPEAT : 1;
        try (BusyCore busy = BusyCore.start(60 * runs + 120)) {
            for (int run = 1; run <= runs; run++) {
                GradeReport report = Course.gradeAll(Course.REPO.resolve("solutions"));
                assertFullMarks(report, "run " + run + " under load");
                if (run == 1) {
                    EveryFormat.assertWrittenValidWithTheNativeTotal(report, Files.createTempDirectory(dir, "solution-reports"));
                    assertVerdictsAsPinned(report);
                }
            }
        }
    }

    /**
     * The report's verdicts as {@code golden/solutions.txt} pins them, when every exercise was graded;
     * without the notes on the submission, which depend on the checkout (its build's own
     * {@code target/} folder beside the solutions).
     */
    private static void assertVerdictsAsPinned(GradeReport report) {
        if (!Course.ONLY.isEmpty()) {
            return;
        }
        GradeReport verdicts = new GradeReport(report.schemaVersion(), report.grader(), report.submission(), report.startedAt(),
                report.durationMs(), report.score(), report.maxScore(), report.exercises(), List.of(), report.containment(),
                report.failure());
        assertThat(Golden.withoutSandboxLine(TextReport.plain(verdicts))).isEqualTo(Golden.read("solutions.txt"));
    }

    static void assertFullMarks(GradeReport report, String run) {
        assertThat(report.exercises()).as("exercises graded").hasSameSizeAs(Course.exercises());
        for (ExerciseResult exercise : report.exercises()) {
            assertFullMarks(exercise, run);
        }
        assertThat(report.score()).isEqualTo(report.maxScore());
        assertThat(report.containment()).as("which layers were active").isEqualTo(Course.grader().containment());
    }

    /** Every test of {@code exercise} passed, with the failures' messages in the assertion's description. */
    static void assertFullMarks(ExerciseResult exercise, String run) {
        assertThat(exercise.tests())
                .as("%s: %s, %s (%s); failures: %s", run, exercise.id(), exercise.status().json(), exercise.message(),
                        exercise.tests().stream().filter(t -> t.status() != TestStatus.PASSED)
                                .map(ReferenceSolutionsTest::describe).toList())
                .allMatch(t -> t.status() == TestStatus.PASSED);
        assertThat(exercise.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(exercise.score()).isEqualTo(exercise.maxScore()).isPositive();
    }

    static String describe(TestResult t) {
        return t.id() + " " + t.status().json() + ": " + t.message();
    }
}

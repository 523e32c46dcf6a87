package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reference solutions earn full marks on every run, also while another process keeps a core busy. */
@Timeout(1800)
class ReferenceSolutionsTest {
    @TempDir
    Path dir;

    @Test
    void earnFullMarksEveryRunAndEveryReportFormatCarriesThem() throws Exception {
        for (int run = 1; run <= Course.REPEAT; run++) {
            GradeReport report = Course.gradeAll(Course.REPO.resolve("solutions"));
            assertFullMarks(report, "run " + run);
            if (run == 1) {
                EveryFormat.assertWrittenValidWithTheNativeTotal(report, dir);
            }
        }
    }

    @Test
    void earnFullMarksWhileAnotherProcessKeepsACoreBusy() throws Exception {
        int runs = Course.LOAD ? Course.REPEAT : 1;
        try (BusyCore busy = BusyCore.start(60 * runs + 120)) {
            for (int run = 1; run <= runs; run++) {
                assertFullMarks(Course.gradeAll(Course.REPO.resolve("solutions")), "run " + run + " under load");
            }
        }
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
                .as("%s: %s; failures: %s", run, exercise.id(), exercise.tests().stream()
                        .filter(t -> t.status() != TestStatus.PASSED).map(ReferenceSolutionsTest::describe).toList())
                .allMatch(t -> t.status() == TestStatus.PASSED);
        assertThat(exercise.status()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(exercise.score()).isEqualTo(exercise.maxScore()).isPositive();
    }

    static String describe(TestResult t) {
        return t.id() + " " + t.status().json() + ": " + t.message();
    }
}

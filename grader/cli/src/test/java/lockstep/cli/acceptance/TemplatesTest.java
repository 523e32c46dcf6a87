package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The learner's starting templates compile, crash nothing, and earn zero with a "not implemented yet" for each test. */
@Timeout(1800)
class TemplatesTest {
    @TempDir
    Path dir;

    @Test
    void earnZeroAndNothingCrashesAndEveryReportFormatSaysSo() throws Exception {
        for (int run = 1; run <= Course.REPEAT; run++) {
            GradeReport report = Course.gradeAll(Course.REPO.resolve("templates"));
            if (run == 1) {
                EveryFormat.assertWrittenValidWithTheNativeTotal(report, dir);
            }
            assertThat(report.score()).as("run %d", run).isZero();
            assertThat(report.exercises()).hasSameSizeAs(Course.exercises());
            for (ExerciseResult exercise : report.exercises()) {
                assertThat(exercise.status()).as("%s: %s", exercise.id(), exercise.message()).isEqualTo(ExerciseStatus.GRADED);
                assertThat(exercise.maxScore()).isPositive();
                for (TestResult test : exercise.tests()) {
                    assertThat(test.points()).isZero();
                    assertThat(test.message()).as(test.id()).isNotBlank();
                    assertThat(test.hint()).as(test.id()).isNotBlank();
                }
                assertThat(exercise.tests()).as("most tests of %s say what is missing", exercise.id())
                        .filteredOn(t -> t.message().contains("Not implemented yet"))
                        .hasSizeGreaterThanOrEqualTo(exercise.tests().size() / 2);
            }
        }
    }
}

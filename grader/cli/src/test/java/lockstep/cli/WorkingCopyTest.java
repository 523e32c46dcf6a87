package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which gradings count as the learner's progress: only those of their templates/ into their results.json. */
class WorkingCopyTest {
    @TempDir
    Path dir;

    @Test
    void onlyAGradingOfTheTemplatesIntoTheDefaultResultsCountsAsProgress() {
        WorkingCopy copy = new WorkingCopy(dir, dir.resolve(".lockstep"));
        Reports learners = Reports.of(List.of(), null, copy.results(), ReportOptions.DEFAULT);
        Reports elsewhere = Reports.of(List.of(), dir.resolve("x.json"), null, ReportOptions.DEFAULT);
        Reports alsoGradescope = Reports.of(List.of(new ReportRequest("gradescope", dir.resolve("g.json"))), null, copy.results(),
                ReportOptions.DEFAULT);

        assertThat(copy.isOwnWork(dir.resolve("templates"), learners)).as("./grade").isTrue();
        assertThat(copy.isOwnWork(dir.resolve("templates/../templates"), alsoGradescope)).as("./grade --report gradescope=g.json").isTrue();
        assertThat(copy.isOwnWork(dir.resolve("other"), elsewhere)).as("--submission other --json x").isFalse();
        assertThat(copy.isOwnWork(dir.resolve("templates"), elsewhere)).as("--json x").isFalse();
        assertThat(copy.isOwnWork(dir.resolve("other"), learners)).as("--submission other").isFalse();
    }

    @Test
    void aFileIsShownRelativeToTheRepositoryWhenInIt() {
        WorkingCopy copy = new WorkingCopy(dir, dir.resolve(".lockstep"));

        assertThat(copy.shown(copy.hints().file())).isEqualTo(Path.of(".lockstep", "hints.json").toString());
        assertThat(copy.shown(Path.of("/elsewhere/hints.json"))).isEqualTo("/elsewhere/hints.json");
    }
}

package lockstep.cli;

import static lockstep.progress.Gradings.FIRST;
import static lockstep.progress.Gradings.compileError;
import static lockstep.progress.Gradings.graded;
import static lockstep.progress.Gradings.notStarted;
import static lockstep.progress.Gradings.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.JsonReport;
import lockstep.progress.ProgressStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./grade list} on a working copy made in a temporary folder: no grading, the course's real catalog. */
class ListCommandTest {
    @TempDir
    Path dir;

    private WorkingCopy copy() {
        return new WorkingCopy(dir, dir.resolve(".lockstep"));
    }

    private String list(String... args) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new ListCommand(copy())).setOut(new PrintWriter(out)).execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    private static int max(String id) {
        return Catalog.load().find(id).orElseThrow().maxScore();
    }

    private static int chapterMax() {
        return Catalog.load().exercises().stream().mapToInt(Exercise::maxScore).sum();
    }

    @Test
    void eachExerciseIsDoneInProgressOrNotStartedWithItsLastScoreAndTheChapterHasABar() throws Exception {
        ProgressStore progress = copy().progress();
        progress.record(report(dir.resolve("templates").toString(), FIRST, graded("spawn-join", max("spawn-join"), max("spawn-join")),
                graded("mutex", 10, max("mutex")), notStarted("async-await", max("async-await")),
                compileError("join-all", max("join-all"))));
        progress.record(report(dir.resolve("templates").toString(), FIRST, graded("mutex", 12, max("mutex"))));

        String out = list();

        assertThat(out).containsPattern("1 +spawn-join .* " + max("spawn-join") + "/" + max("spawn-join") + " +done\n");
        assertThat(out).as("the later grading of mutex replaced its first").containsPattern("2 +mutex .* 12/" + max("mutex") + " +in progress\n");
        assertThat(out).as("all TODOs left").containsPattern("3 +async-await .* 0/" + max("async-await") + " +not started\n");
        assertThat(out).as("did not compile: begun").containsPattern("4 +join-all .* 0/" + max("join-all") + " +in progress\n");
        assertThat(out).as("never graded").containsPattern("5 +channel .* " + max("channel") + " +- +not started\n");
        double earned = max("spawn-join") + 12;
        int percent = (int) Math.floor(earned * 100 / chapterMax());
        assertThat(out).contains("Progress: [" + "#".repeat((int) Math.floor(earned * 20 / chapterMax())))
                .contains("] " + percent + "% of " + chapterMax() + " points (1 of " + Catalog.load().exercises().size() + " exercises done)")
                .contains("Next: mutex: ./grade mutex (stuck? ./grade hint mutex)");
    }

    @Test
    void everyExerciseAtFullMarksIsAHundredPercent() throws Exception {
        for (Exercise exercise : Catalog.load().exercises()) {
            copy().progress().record(report(dir.resolve("templates").toString(), FIRST,
                    graded(exercise.id(), exercise.maxScore(), exercise.maxScore())));
        }

        assertThat(list()).contains("[####################] 100% of " + chapterMax() + " points", "Every exercise is at full marks.")
                .doesNotContain("in progress", "not started");
    }

    @Test
    void withoutProgressTheLastResultsOfTheTemplatesAreShownAndThoseOfAnotherSubmissionAreNot() throws Exception {
        assertThat(list()).as("nothing graded yet").contains("] 0% of " + chapterMax() + " points", "Next: spawn-join")
                .doesNotContain("done\n", "in progress");

        JsonReport.write(report(dir.resolve("templates").toString(), FIRST, graded("mutex", 7, max("mutex"))), copy().results());
        assertThat(list()).containsPattern("mutex .* 7/" + max("mutex") + " +in progress");

        JsonReport.write(report(dir.resolve("solutions").toString(), FIRST, graded("mutex", 26, max("mutex"))), copy().results());
        assertThat(list()).doesNotContain("in progress");

        Files.createDirectories(dir.resolve(".lockstep"));
        Files.writeString(copy().progress().file(), "{ corrupt");
        assertThat(list()).as("a corrupt progress file is none").doesNotContain("in progress");
    }

    @Test
    void jsonReadsThatReportInsteadOfTheProgress() throws Exception {
        copy().progress().record(report(dir.resolve("templates").toString(), FIRST, graded("mutex", 3, max("mutex"))));
        Path other = dir.resolve("other.json");
        JsonReport.write(report("anywhere.zip", FIRST, graded("bank", max("bank"), max("bank"))), other);

        String out = list("--json", other.toString());

        assertThat(out).containsPattern("bank .* " + max("bank") + "/" + max("bank") + " +done").doesNotContain("3/" + max("mutex"));
    }
}

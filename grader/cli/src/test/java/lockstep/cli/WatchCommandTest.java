package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.Timing;
import lockstep.progress.Gradings;
import lockstep.progress.LastGrading;
import lockstep.watch.SaveWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./grade watch} decides without grading: which saves count, where it starts. */
class WatchCommandTest {
    private static final Path ROOT = Path.of("/home/learner/build/course/templates");

    @TempDir
    Path dir;

    private static boolean relevant(String relative, boolean folder) {
        return WatchCommand.relevant(ROOT, new SaveWatcher.Change(ROOT.resolve(relative), folder));
    }

    @Test
    void aSaveOfAJavaFileOrANewPackageCountsAndEditorsFilesAndBuildFoldersDoNot() {
        assertThat(relevant("ch10/mutex/Mutex.java", false)).isTrue();
        assertThat(relevant("ch10/newpackage", true)).isTrue();
        assertThat(relevant("ch10/mutex/.Mutex.java.swp", false)).isFalse();
        assertThat(relevant("ch10/mutex/Mutex.java~", false)).isFalse();
        assertThat(relevant("ch10/mutex/4913", false)).as("vim's probe file").isFalse();
        assertThat(relevant("target/classes/ch10/mutex/Mutex.java", false)).isFalse();
        assertThat(relevant(".git", true)).isFalse();
        assertThat(relevant(".idea/workspace.xml", false)).isFalse();
        // The learner's own folders above the working copy may have any name, "build" included.
        assertThat(ROOT.toString()).contains("/build/");
    }

    private static LastGrading result(String id, double score) {
        return LastGrading.of(new ExerciseResult(id, id, ExerciseStatus.GRADED, score, 10, null, List.of(), Timing.NONE), null);
    }

    @Test
    void itStartsAtTheFirstExerciseTheLastGradingsDoNotShowAtFullMarks() {
        List<String> order = List.of("a", "b", "c");

        assertThat(WatchCommand.firstNotFull(order, Map.of())).isZero();
        assertThat(WatchCommand.firstNotFull(order, Map.of("a", result("a", 10), "b", result("b", 4)))).isEqualTo(1);
        assertThat(WatchCommand.firstNotFull(order, Map.of("a", result("a", 10), "c", result("c", 10))))
                .as("an exercise the progress does not have is not at full marks").isEqualTo(1);
        assertThat(WatchCommand.firstNotFull(order, Map.of("a", result("a", 10), "b", result("b", 10), "c", result("c", 10))))
                .as("all at full marks: the last").isEqualTo(2);
    }

    @Test
    void itStartsFromTheKeptProgressOfEveryExerciseNotFromTheLastRunAlone() throws Exception {
        WorkingCopy copy = new WorkingCopy(dir, dir.resolve(".lockstep"));
        String templates = copy.templates().toString();
        copy.progress().record(Gradings.report(templates, Gradings.FIRST, Gradings.graded("a", 10, 10)));
        // The last run graded b alone, at full marks: results.json knows nothing of a, the progress does.
        GradeReport last = Gradings.report(templates, Gradings.LATER, Gradings.graded("b", 10, 10));
        JsonReport.write(last, copy.results());
        copy.progress().record(last);

        assertThat(WatchCommand.firstNotFull(List.of("a", "b", "c"), copy.lastGradings())).isEqualTo(2);
        assertThat(WatchCommand.firstNotFull(List.of("a", "b", "c"), WorkingCopy.lastGradings(copy.results(), copy.templates())))
                .as("results.json alone").isZero();
        Files.delete(copy.progress().file());
        assertThat(WatchCommand.firstNotFull(List.of("b", "c"), copy.lastGradings())).as("no progress yet: results.json").isEqualTo(1);
    }

    @Test
    void watchIsACommandOfGrade() {
        picocli.CommandLine watch = LockstepCommand.commandLine().getSubcommands().get("watch");

        assertThat(watch).isNotNull();
        assertThat(watch.getCommandSpec().findOption("--submission")).isNotNull();
        assertThat(watch.getCommandSpec().findOption("--stay")).isNotNull();
    }

    @Test
    void watchOffersShowHiddenButNotLearnerOutputSinceItWritesNoPlatformReport() {
        picocli.CommandLine grade = LockstepCommand.commandLine();
        picocli.CommandLine watch = grade.getSubcommands().get("watch");

        assertThat(watch.getCommandSpec().findOption("--show-hidden")).isNotNull();
        assertThat(watch.getCommandSpec().findOption("--learner-output")).isNull();
        assertThat(watch.getUsageMessage()).contains("--show-hidden").doesNotContain("--learner-output");
        assertThat(grade.getCommandSpec().findOption("--learner-output")).as("./grade itself keeps both").isNotNull();
        assertThat(grade.getCommandSpec().findOption("--show-hidden")).isNotNull();
        assertThat(grade.getSubcommands().get("batch").getCommandSpec().findOption("--show-hidden")).isNotNull();
    }
}

package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.Timing;
import lockstep.watch.SaveWatcher;
import org.junit.jupiter.api.Test;

/** What {@code ./grade watch} decides without grading: which saves count, where it starts. */
class WatchCommandTest {
    private static final Path ROOT = Path.of("/home/learner/build/course/templates");

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

    private static ExerciseResult result(String id, double score) {
        return new ExerciseResult(id, id, ExerciseStatus.GRADED, score, 10, null, List.of(), Timing.NONE);
    }

    @Test
    void itStartsAtTheFirstExerciseTheLastResultsDoNotShowAtFullMarks() {
        List<String> order = List.of("a", "b", "c");

        assertThat(WatchCommand.firstNotFull(order, Map.of())).isZero();
        assertThat(WatchCommand.firstNotFull(order, Map.of("a", result("a", 10), "b", result("b", 4)))).isEqualTo(1);
        assertThat(WatchCommand.firstNotFull(order, Map.of("a", result("a", 10), "c", result("c", 10))))
                .as("an exercise the results do not have is not at full marks").isEqualTo(1);
        assertThat(WatchCommand.firstNotFull(order, Map.of("a", result("a", 10), "b", result("b", 10), "c", result("c", 10))))
                .as("all at full marks: the last").isEqualTo(2);
    }

    @Test
    void watchIsACommandOfGrade() {
        picocli.CommandLine watch = LockstepCommand.commandLine().getSubcommands().get("watch");

        assertThat(watch).isNotNull();
        assertThat(watch.getCommandSpec().findOption("--submission")).isNotNull();
        assertThat(watch.getCommandSpec().findOption("--stay")).isNotNull();
    }
}

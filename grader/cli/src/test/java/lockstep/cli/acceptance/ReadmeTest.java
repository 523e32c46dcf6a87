package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import lockstep.engine.catalog.Exercise;
import org.junit.jupiter.api.Test;

/** The README a newcomer reads first stays true: its two commands, and every exercise of the course in its list. */
class ReadmeTest {

    @Test
    void startsWithTheTwoCommandsAndListsEveryExercise() throws IOException {
        String readme = Files.readString(Course.REPO.resolve("README.md"));
        String opening = readme.substring(0, Math.min(readme.length(), 800));

        assertThat(opening).contains("./grade ", "./grade selftest");
        assertThat(Files.readString(Course.REPO.resolve(".ci/run"))).contains("./grade selftest");
        for (Exercise exercise : Course.grader().catalog().exercises()) {
            assertThat(readme).as("the README's list of exercises").containsPattern(
                    "\\| " + exercise.order() + " \\| `" + exercise.id() + "` \\|.*`" + exercise.packageName() + "`");
        }
    }
}

package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.engine.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./grade hint} on a working copy made in a temporary folder, with the course's real hints. */
class HintCommandTest {
    private static final List<String> HINTS = Catalog.load().find("mutex").orElseThrow().hints();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private String hint(String... args) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new HintCommand(new WorkingCopy(dir, dir.resolve(".lockstep"))))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(out + "\n" + err).isZero();
        return out.toString();
    }

    @Test
    void eachRunShowsTheNextHintThenAllOfThemOnceAllWereSeen() {
        assertThat(HINTS).as("the test needs a few hints").hasSizeGreaterThan(2);
        for (int i = 0; i < HINTS.size(); i++) {
            String out = hint("mutex");
            assertThat(out).contains("Hint " + (i + 1) + " of " + HINTS.size() + ": " + HINTS.get(i), "exercises/mutex/README.md");
            for (int other = 0; other < HINTS.size(); other++) {
                if (other != i) {
                    assertThat(out).as("only hint %d", i + 1).doesNotContain(HINTS.get(other));
                }
            }
            assertThat(out).contains(i + 1 < HINTS.size() ? "./grade hint mutex again shows the next" : "That was the last hint");
        }

        String all = hint("mutex");

        assertThat(all).contains("You have seen all " + HINTS.size() + " hints:", "delete .lockstep/hints.json");
        for (int i = 0; i < HINTS.size(); i++) {
            assertThat(all).contains((i + 1) + ". " + HINTS.get(i));
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void allShowsThemAllAndMarksThemSeenForThatExerciseOnly() {
        String all = hint("mutex", "--all");

        assertThat(all).contains("All " + HINTS.size() + " hints:");
        for (int i = 0; i < HINTS.size(); i++) {
            assertThat(all).contains((i + 1) + ". " + HINTS.get(i));
        }
        assertThat(hint("mutex")).contains("You have seen all " + HINTS.size() + " hints:");
        assertThat(hint("bank")).contains("Hint 1 of ");
    }

    @Test
    void aDeletedOrCorruptStateFileStartsOver() throws Exception {
        hint("mutex");
        hint("mutex");
        Path file = dir.resolve(".lockstep/hints.json");
        assertThat(file).isRegularFile();

        Files.writeString(file, "{\"version\": 1, \"shown\": {\"mutex\"");
        assertThat(hint("mutex")).contains("Hint 1 of ");
        assertThat(hint("mutex")).contains("Hint 2 of ");

        Files.delete(file);
        assertThat(hint("mutex")).contains("Hint 1 of ");
    }

    @Test
    void aStateFolderThatCannotBeWrittenStillShowsTheHintAndSaysSo() throws Exception {
        Files.writeString(dir.resolve(".lockstep"), "a file where the folder should be");

        assertThat(hint("mutex")).contains("Hint 1 of ");
        assertThat(hint("mutex")).as("nothing was remembered").contains("Hint 1 of ");
        assertThat(err.toString()).contains("cannot remember which hints you have seen in .lockstep/hints.json");
    }

    @Test
    void theHelpSaysWhereTheStateIsAndHowToStartOver() {
        String help = LockstepCommand.commandLine().getSubcommands().get("hint").getUsageMessage();

        assertThat(help.replaceAll("\\s+", " ")).contains(".lockstep/hints.json", "delete that file to start over", "--all");
    }
}

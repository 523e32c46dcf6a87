package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./grade package}: what it refuses, before it reads anything of the installation. */
class PackageCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = LockstepCommand.commandLine();
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void aPlatformWithoutAPackageIsToldWhereItsFilesAre() {
        assertThat(run("package", "prairielearn")).isEqualTo(2);
        assertThat(err.toString()).contains("platforms/prairielearn/");
        assertThat(run("package", "moodle")).isEqualTo(2);
        assertThat(err.toString()).contains("platforms/vpl/");
    }

    @Test
    void anUnknownPlatformOrExerciseIsBadUsage() {
        assertThat(run("package", "blackboard")).isEqualTo(2);
        assertThat(run("package", "gradescope", "no-such-exercise")).isEqualTo(2);
        assertThat(err.toString()).contains("no exercise 'no-such-exercise'");
    }
}

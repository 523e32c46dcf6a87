package lockstep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lockstep.engine.Grader;
import lockstep.engine.Installation;
import lockstep.engine.sandbox.SandboxMode;

/**
 * Where things are for the command line: the installation the build assembled and the course
 * repository the learner works in. The {@code grade} script passes both as system properties.
 */
final class Setup {
    private Setup() {}

    /** The course repository: {@code lockstep.repo}, or the working directory. */
    static Path repo() {
        return Path.of(System.getProperty("lockstep.repo", ".")).toAbsolutePath().normalize();
    }

    /**
     * The folder of what the learner's working copy remembers between runs (progress, hints seen):
     * {@code LOCKSTEP_STATE}, or {@code .lockstep/} of the course repository.
     */
    static Path state() {
        String state = System.getenv("LOCKSTEP_STATE");
        return state == null || state.isBlank() ? repo().resolve(".lockstep") : Path.of(state).toAbsolutePath().normalize();
    }

    /** The assembled installation: {@code lockstep.home}. */
    static Installation installation() {
        return Installation.fromHome(home());
    }

    /** The folder of the assembled installation, {@code lockstep.home}: its {@code lib/} is the grader's class path. */
    static Path home() {
        String home = System.getProperty("lockstep.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("lockstep.home is not set to the installation folder; start Lockstep with ./grade");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    static Grader grader(SandboxMode sandbox) {
        return Grader.create(installation(), sandbox);
    }

    /** Colours on a terminal only, and never when NO_COLOR is set. */
    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && terminal();
    }

    /**
     * Whether standard output is a terminal ({@code lockstep.tty}, which {@code ./grade} sets) that
     * understands the ANSI codes that clear the screen or redraw a line: not one whose TERM is {@code dumb}.
     */
    static boolean terminal() {
        return Boolean.parseBoolean(System.getProperty("lockstep.tty", "false")) && !"dumb".equals(System.getenv("TERM"));
    }

    /** The slack factor for time bounds: {@code LOCKSTEP_SLACK}, else 1. */
    static double slack() {
        String value = System.getenv("LOCKSTEP_SLACK");
        try {
            return value == null || value.isBlank() ? 1.0 : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new ExitCode.UsageException("LOCKSTEP_SLACK must be a number such as 2, not '" + value.toLowerCase(Locale.ROOT) + "'");
        }
    }
}

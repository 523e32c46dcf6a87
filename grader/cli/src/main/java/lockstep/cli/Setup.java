package lockstep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Whether output may carry ANSI codes, for colours, a line redrawn in place or a cleared screen:
     * the one rule for every command, see {@link #ansi(boolean, Map)}.
     */
    static boolean ansi() {
        return ansi(Boolean.parseBoolean(System.getProperty("lockstep.tty", "false")), System.getenv());
    }

    /**
     * Whether output may carry ANSI codes: standard output is a terminal ({@code tty}, which
     * {@code ./grade} tells as {@code lockstep.tty}) that understands them ({@code TERM} is not
     * {@code dumb}), the user did not ask for none ({@code NO_COLOR} unset or empty), and no CI
     * (whose log would keep every redraw) runs it. Otherwise output is plain lines.
     */
    static boolean ansi(boolean tty, Map<String, String> env) {
        return tty && !"dumb".equals(env.get("TERM")) && isEmpty(env.get("NO_COLOR")) && isEmpty(env.get("CI"));
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
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

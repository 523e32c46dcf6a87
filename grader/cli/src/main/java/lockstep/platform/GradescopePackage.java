package lockstep.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Gradescope's {@code autograder.zip}: {@code setup.sh} and {@code run_autograder} at its root (files,
 * LF line ends, both executable by their zip entry's Unix mode), {@code lockstep.conf} saying what to
 * grade, and the {@link Bundle built installation} under {@code lockstep/}. Gradescope unzips it into
 * {@code /autograder/source}, runs {@code setup.sh} once to build its image and {@code run_autograder}
 * for each submission.
 *
 * <p>The zip carries Lockstep built rather than its sources: the image then needs nothing from the
 * network but the distribution's packages (no Maven, no Maven Central), builds in the time of an
 * {@code apt-get install}, and grades with exactly the jars the instructor tested.
 *
 * <pre>{@code
 * GradescopePackage.write(new Bundle(repo, home), new GradescopePackage.Settings(List.of("mutex"), "auto", false, null), out);
 * }</pre>
 *
 * @since 0.1
 */
public final class GradescopePackage {
    /** The platform's files, in the repository. */
    static final String SOURCES = "platforms/gradescope";
    static final String SETUP = "setup.sh";
    static final String RUN = "run_autograder";
    static final String CONF = "lockstep.conf";
    /** Where the built installation goes in the zip. */
    static final String LOCKSTEP = "lockstep/";

    private GradescopePackage() {}

    /**
     * What {@code run_autograder} grades, and how: written to {@code lockstep.conf}, where each value
     * still yields to the same variable set in the environment.
     *
     * @param exercises exercise ids to grade (empty: all), never null
     * @param sandbox {@code auto}, {@code required} or {@code off}, never null
     * @param learnerOutput whether what the learner's code printed goes into the results Gradescope shows
     * @param slack the factor for every time bound ({@code LOCKSTEP_SLACK}), or null for Lockstep's default
     */
    public record Settings(List<String> exercises, String sandbox, boolean learnerOutput, Double slack) {
        public Settings {
            exercises = List.copyOf(Objects.requireNonNull(exercises, "exercises must not be null"));
            Objects.requireNonNull(sandbox, "sandbox must not be null");
            for (String id : exercises) {
                if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                    throw new IllegalArgumentException("not an exercise id: '" + id + "'");
                }
            }
            if (!List.of("auto", "required", "off").contains(sandbox)) {
                throw new IllegalArgumentException("sandbox is auto, required or off, not '" + sandbox + "'");
            }
            if (slack != null && !(slack > 0 && Double.isFinite(slack))) {
                throw new IllegalArgumentException("slack must be a positive number, not " + slack);
            }
        }

        /** {@code lockstep.conf}: shell assignments that {@code run_autograder} sources. */
        String conf() {
            StringBuilder conf = new StringBuilder("# Written by ./grade package gradescope: what run_autograder grades, and how.\n"
                    + "# A variable already set in the environment wins (a test of the autograder sets some).\n");
            conf.append(": \"${LOCKSTEP_EXERCISES=").append(String.join(" ", exercises)).append("}\"\n");
            conf.append(": \"${LOCKSTEP_SANDBOX=").append(sandbox).append("}\"\n");
            conf.append(": \"${LOCKSTEP_LEARNER_OUTPUT=").append(learnerOutput).append("}\"\n");
            if (slack != null) {
                conf.append("export LOCKSTEP_SLACK=\"${LOCKSTEP_SLACK-").append(String.format(Locale.ROOT, "%s", slack)).append("}\"\n");
            }
            return conf.toString();
        }
    }

    /**
     * Writes the zip to {@code out}, whole or not at all (through a temporary file beside it).
     *
     * @param bundle the built installation and the repository holding {@code platforms/gradescope}, never null
     * @param settings what to grade, never null
     * @param out the zip to write (replaced if it exists), never null
     * @throws IOException when a file cannot be read or the zip written
     * @throws IllegalStateException when Lockstep is not built
     */
    public static void write(Bundle bundle, Settings settings, Path out) throws IOException {
        Objects.requireNonNull(settings, "settings must not be null");
        List<Bundle.Entry> entries = bundle.entries();
        Path target = out.toAbsolutePath();
        Path folder = Objects.requireNonNull(target.getParent(), "out must be a file");
        Files.createDirectories(folder);
        UnixZip zip = new UnixZip();
        Path platform = bundle.repo().resolve(SOURCES);
        zip.file(SETUP, text(platform.resolve(SETUP)), 0755);
        zip.file(RUN, text(platform.resolve(RUN)), 0755);
        zip.file(CONF, settings.conf().getBytes(StandardCharsets.UTF_8), 0644);
        for (Bundle.Entry entry : entries) {
            byte[] bytes = entry.script() || entry.path().endsWith(".sh") ? text(entry.source()) : Files.readAllBytes(entry.source());
            zip.file(LOCKSTEP + entry.path(), bytes, entry.script() ? 0755 : 0644);
        }
        Path temp = folder.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.write(temp, zip.bytes());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A script's bytes with LF line ends only, whatever a checkout on Windows made of them. */
    private static byte[] text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.UTF_8);
    }
}

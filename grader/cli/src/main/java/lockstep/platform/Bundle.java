package lockstep.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A built Lockstep as a platform runs it: the {@code grade} script, {@code grader/jdk.sh} it
 * sources, and the jars of the assembled installation ({@code grader/cli/target/dist/lib} for the
 * grader, {@code dist/runner} for the test JVMs), each at its path in the repository, so that the
 * script runs unchanged wherever the files are put (and, finding no sources newer than its jars,
 * never tries to build). Class-data archives ({@code *.jsa}) are left out: each belongs to one JDK.
 *
 * @param repo the course repository, never null
 * @param home the assembled installation ({@code lockstep.home}), never null
 */
public record Bundle(Path repo, Path home) {
    /** Where the installation's files go, relative to the repository (and to a platform's copy). */
    static final String DIST = "grader/cli/target/dist";

    public Bundle {
        Objects.requireNonNull(repo, "repo must not be null");
        Objects.requireNonNull(home, "home must not be null");
    }

    /** One file to copy: its path in the copy ({@code /}-separated), where it is now, and whether it is a script. */
    record Entry(String path, Path source, boolean script) {}

    /**
     * Every file of the installation, scripts first, jars in name order.
     *
     * @throws IllegalStateException when the installation is not built (no jar in {@code lib/} or {@code runner/})
     */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("grade", repo.resolve("grade"), true));
        entries.add(new Entry("grader/jdk.sh", repo.resolve("grader/jdk.sh"), false));
        for (String folder : List.of("lib", "runner")) {
            List<Path> jars = jars(home.resolve(folder));
            if (jars.isEmpty()) {
                throw new IllegalStateException("Lockstep is not built: no jar in " + home.resolve(folder) + " (run ./grade once)");
            }
            jars.forEach(jar -> entries.add(new Entry(DIST + "/" + folder + "/" + jar.getFileName(), jar, false)));
        }
        return List.copyOf(entries);
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

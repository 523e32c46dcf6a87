package lockstep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the grader finds what a child JVM needs: the {@code java} to start and the runner's class
 * path (the runner, JUnit, the testkit and the course's suites), assembled by the build.
 */
public record Installation(Path java, List<Path> runnerClasspath, Optional<Path> classData) {
    public Installation {
        Objects.requireNonNull(java, "java must not be null");
        runnerClasspath = List.copyOf(runnerClasspath);
        Objects.requireNonNull(classData, "classData must not be null");
        if (runnerClasspath.isEmpty()) {
            throw new IllegalArgumentException("runnerClasspath must not be empty");
        }
    }

    /**
     * The installation the build assembled under {@code home}: every jar in {@code home/runner},
     * started with the {@code java} of the running JVM, with a class-data archive under {@code home/cds}
     * named after this JVM and those jars, so that a rebuild or another JDK makes a new one.
     */
    public static Installation fromHome(Path home) {
        Path runner = home.resolve("runner");
        try (Stream<Path> jars = Files.list(runner)) {
            List<Path> classpath = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            StringBuilder key = new StringBuilder(Runtime.version().toString());
            for (Path jar : classpath) {
                key.append('|').append(jar.getFileName()).append(Files.size(jar)).append(Files.getLastModifiedTime(jar).toMillis());
            }
            String name = "runner-" + Integer.toHexString(key.toString().hashCode()) + ".jsa";
            return new Installation(currentJava(), classpath, Optional.of(home.resolve("cds").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("no Lockstep installation at " + home + " (missing " + runner + ")", e);
        }
    }

    /** The {@code java} launcher of the running JVM ({@code java.exe} on Windows). */
    public static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }
}

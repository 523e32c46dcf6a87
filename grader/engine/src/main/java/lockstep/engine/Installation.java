package lockstep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where the grader finds what a child JVM needs: the {@code java} to start and the runner's class
 * path (the runner, JUnit, the testkit and the course's suites), assembled by the build.
 */
public record Installation(Path java, List<Path> runnerClasspath) {
    public Installation {
        Objects.requireNonNull(java, "java must not be null");
        runnerClasspath = List.copyOf(runnerClasspath);
        if (runnerClasspath.isEmpty()) {
            throw new IllegalArgumentException("runnerClasspath must not be empty");
        }
    }

    /**
     * The installation the build assembled under {@code home}: every jar in {@code home/runner},
     * started with the {@code java} of the running JVM.
     */
    public static Installation fromHome(Path home) {
        Path runner = home.resolve("runner");
        try (Stream<Path> jars = Files.list(runner)) {
            List<Path> classpath = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            return new Installation(currentJava(), classpath);
        } catch (IOException e) {
            throw new UncheckedIOException("no Lockstep installation at " + home + " (missing " + runner + ")", e);
        }
    }

    /** The {@code java} launcher of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}

package lockstep.engine.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The course's exercises, in chapter order, with the given sources they compile with.
 *
 * <p>Loaded from {@code lockstep/course/catalog.json} on the class path, which the course build
 * writes from each exercise's {@code exercise.json} and its discovered suite.
 */
public final class Catalog {
    static final String ROOT = "lockstep/course/";
    static final String INDEX = ROOT + "catalog.json";

    private final List<Exercise> exercises;
    private final ClassLoader resources;

    Catalog(List<Exercise> exercises, ClassLoader resources) {
        this.exercises = exercises.stream().sorted(Comparator.comparingInt(Exercise::order)).toList();
        this.resources = Objects.requireNonNull(resources, "resources must not be null");
    }

    /** Reads the catalog the course build put on the grader's class path. */
    public static Catalog load() {
        ClassLoader loader = Catalog.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the course catalog " + INDEX + " is not on the class path: is lockstep-exercises built?");
            }
            CatalogFile file = new ObjectMapper().readValue(in, CatalogFile.class);
            return new Catalog(file.exercises(), loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the course catalog", e);
        }
    }

    public List<Exercise> exercises() {
        return exercises;
    }

    /**
     * The JDK modules the course's exercises need beyond the testkit's ({@link Exercise#jdkModules()}
     * of every exercise, each once, sorted): the suites' module requires them all, so every test
     * JVM adds them all.
     */
    public List<String> jdkModules() {
        return exercises.stream().flatMap(e -> e.jdkModules().stream()).distinct().sorted().toList();
    }

    public Optional<Exercise> find(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The course's text of one given source of an exercise. */
    public String givenSource(Exercise exercise, String relativePath) {
        String name = ROOT + exercise.id() + "/given/" + relativePath;
        try (InputStream in = resources.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("given source missing from the course: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The JSON shape of {@code catalog.json}. */
    record CatalogFile(List<Exercise> exercises) {
        CatalogFile {
            exercises = List.copyOf(exercises);
        }
    }
}

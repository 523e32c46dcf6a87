package lockstep.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import lockstep.engine.catalog.Catalog;

/**
 * The course repository as {@code ./grade verify} reads it: {@code solutions/}, {@code templates/}
 * and each exercise's {@code mutants/<name>/} and {@code variants/<name>/}; and the submissions
 * it grades, built from the reference solutions with some exercises' packages changed.
 */
public final class CourseTree {
    private final Path repo;
    private final Catalog catalog;

    public CourseTree(Path repo, Catalog catalog) {
        this.repo = repo.toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    public Path repo() {
        return repo;
    }

    /** Every mutant of {@code exercises} (all when empty), in path order. */
    public List<Subject.Mutant> mutants(Collection<String> exercises) {
        return read("mutants", "mutant.json", MutantFile.class, exercises,
                (dir, f) -> new Subject.Mutant(exerciseOf(dir), dir.getFileName().toString(), dir, f.mistake(), f.mustFail()));
    }

    /** Every honest variant of {@code exercises} (all when empty), in path order. */
    public List<Subject.Variant> variants(Collection<String> exercises) {
        return read("variants", "variant.json", VariantFile.class, exercises,
                (dir, f) -> new Subject.Variant(exerciseOf(dir), dir.getFileName().toString(), dir, f.description()));
    }

    /**
     * Writes under {@code into} the reference solutions with each subject's change made to its
     * exercise's package (at most one subject per exercise): a mutant's or a variant's diff
     * applied, a template's package put in place of the solution's.
     *
     * @throws IllegalStateException when a diff no longer applies (the solution changed under it),
     *     rather than grading something else
     */
    public Path submission(Collection<? extends Subject> subjects, Path into) throws IOException {
        copyTree(repo.resolve("solutions/ch10"), into.resolve("ch10"));
        for (Subject subject : subjects) {
            String pkg = catalog.find(subject.exercise())
                    .orElseThrow(() -> new IllegalArgumentException("no exercise " + subject.exercise()))
                    .packageName().replace('.', '/');
            Path target = into.resolve(pkg);
            switch (subject) {
                case Subject.Solution s -> { }
                case Subject.Template t -> {
                    deleteFiles(target);
                    copyTree(repo.resolve("templates").resolve(pkg), target);
                }
                case Subject.Mutant m -> applyDiff(m.diff(), target);
                case Subject.Variant v -> applyDiff(v.diff(), target);
            }
        }
        return into;
    }

    /** Applies a unified diff whose file names ({@code b/<name>}) are paths under {@code root}. */
    public static void applyDiff(Path diff, Path root) throws IOException {
        try (InputStream in = Files.newInputStream(diff)) {
            for (UnifiedDiffFile file : UnifiedDiffReader.parseUnifiedDiff(in).getFiles()) {
                String name = file.getToFile();
                Path target = root.resolve(name.startsWith("b/") ? name.substring(2) : name);
                try {
                    Files.write(target, file.getPatch().applyTo(Files.readAllLines(target)));
                } catch (PatchFailedException e) {
                    throw new IllegalStateException(diff + " no longer applies to " + target, e);
                }
            }
        }
    }

    private record MutantFile(String mistake, List<String> mustFail) {}

    private record VariantFile(String description) {}

    /** Reads each {@code exercises/<id>/<kind>/<name>/<json>} of the exercises asked for, in path order. */
    private <F, S> List<S> read(String kind, String json, Class<F> type, Collection<String> exercises, BiFunction<Path, F, S> make) {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.walk(repo.resolve("exercises"), 4)) {
            return files.filter(p -> p.getFileName().toString().equals(json))
                    .filter(p -> p.getParent().getParent().getFileName().toString().equals(kind)).sorted()
                    .filter(p -> exercises.isEmpty() || exercises.contains(exerciseOf(p.getParent())))
                    .map(p -> {
                        try {
                            return make.apply(p.getParent(), mapper.readValue(p.toFile(), type));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read " + p, e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise of {@code exercises/<id>/<kind>/<name>}. */
    private static String exerciseOf(Path dir) {
        return dir.getParent().getParent().getFileName().toString();
    }

    /** Copies the tree {@code from} to {@code to}, replacing files there. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes the files directly in {@code folder} (a package's sources), keeping the folder. */
    private static void deleteFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            Files.delete(file);
        }
    }
}

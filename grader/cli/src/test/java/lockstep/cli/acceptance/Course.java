package lockstep.cli.acceptance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import lockstep.engine.GradeRequest;
import lockstep.engine.Grader;
import lockstep.engine.Installation;
import lockstep.engine.result.GradeReport;

/**
 * The real course, as the acceptance tests grade it: the assembled installation
 * ({@code lockstep.home}), the repository ({@code lockstep.repo}) and how often to repeat
 * ({@code lockstep.repeat}, raised by the stability profile).
 */
final class Course {
    static final Path REPO = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath().normalize();
    static final Path HOME = Path.of(System.getProperty("lockstep.home", "target/dist")).toAbsolutePath();
    static final int REPEAT = Integer.getInteger("lockstep.repeat", 1);
    static final boolean LOAD = Boolean.getBoolean("lockstep.load");
    /** Exercises to check, from {@code lockstep.exercises} (comma-separated ids); empty for all of them. */
    static final List<String> ONLY = java.util.Arrays.stream(System.getProperty("lockstep.exercises", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
    private static final Grader GRADER = Grader.create(Installation.fromHome(HOME));

    private Course() {}

    static Grader grader() {
        return GRADER;
    }

    /** The exercises the acceptance tests check: those of {@code lockstep.exercises}, or every one. */
    static List<lockstep.engine.catalog.Exercise> exercises() {
        return GRADER.catalog().exercises().stream().filter(e -> ONLY.isEmpty() || ONLY.contains(e.id())).toList();
    }

    /** Grades every checked exercise of {@code submission}. */
    static GradeReport gradeAll(Path submission) {
        return grade(submission, exercises().stream().map(lockstep.engine.catalog.Exercise::id).toArray(String[]::new));
    }

    static GradeReport grade(Path submission, String... exercises) {
        try {
            return GRADER.grade(GradeRequest.builder(submission).exercises(List.of(exercises)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A change to one exercise's reference solution, stored in {@code exercises/<id>/<kind>/<name>/}
     * as a unified diff over the solution's files of that exercise's package and a JSON file that
     * says what it is: a mutant ({@code mutants/}, {@code mutant.diff}, {@code mutant.json}) or an
     * honest variant ({@code variants/}, {@code variant.diff}, {@code variant.json}).
     */
    interface Patch {
        String exercise();

        /** The diff over the reference solution's files of {@link #exercise()}'s package. */
        Path diff();
    }

    /** A mutant: a known-buggy variant of some learner classes and the tests it must fail. */
    record Mutant(String exercise, String name, Path dir, String mistake, List<String> mustFail) implements Patch {
        @Override
        public Path diff() {
            return dir.resolve("mutant.diff");
        }

        @Override
        public String toString() {
            return exercise + "/" + name;
        }
    }

    record MutantFile(String mistake, List<String> mustFail) {}

    /**
     * An honest variant: a correct design of some learner classes that the reference solution does not
     * use, slower or otherwise unusual (a fair lock, a FIFO hand-off), which must earn full marks.
     */
    record Variant(String exercise, String name, Path dir, String description) implements Patch {
        @Override
        public Path diff() {
            return dir.resolve("variant.diff");
        }

        @Override
        public String toString() {
            return exercise + "/" + name;
        }
    }

    record VariantFile(String description) {}

    /** Every mutant of the checked exercises, by exercise and name. */
    static List<Mutant> mutants() {
        return patches("mutants", "mutant.json", MutantFile.class,
                (dir, file) -> new Mutant(exerciseOf(dir), name(dir), dir, file.mistake(), file.mustFail()));
    }

    /** Every honest variant of the checked exercises, by exercise and name. */
    static List<Variant> variants() {
        return patches("variants", "variant.json", VariantFile.class,
                (dir, file) -> new Variant(exerciseOf(dir), name(dir), dir, file.description()));
    }

    /** Reads each {@code exercises/<id>/<kind>/<name>/<json>} of the checked exercises, in path order. */
    private static <F, P> List<P> patches(String kind, String json, Class<F> type,
            BiFunction<Path, F, P> make) {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.walk(REPO.resolve("exercises"), 4)) {
            return files.filter(p -> p.getFileName().toString().equals(json))
                    .filter(p -> p.getParent().getParent().getFileName().toString().equals(kind)).sorted()
                    .filter(p -> ONLY.isEmpty() || ONLY.contains(exerciseOf(p.getParent())))
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

    private static String name(Path dir) {
        return dir.getFileName().toString();
    }

    /**
     * The reference solutions with the patch's diff (a unified diff over the solution's files of the
     * patch's package) applied, copied under {@code into}. A diff that no longer applies fails loudly
     * rather than testing something else.
     */
    static Path solutionsWith(Patch patch, Path into) throws IOException {
        copyTree(REPO.resolve("solutions/ch10"), into.resolve("ch10"));
        Path pkg = into.resolve(GRADER.catalog().find(patch.exercise()).orElseThrow().packageName().replace('.', '/'));
        applyDiff(patch.diff(), pkg);
        return into;
    }

    /**
     * Applies a unified diff to the files under {@code root}; each file's name in the diff
     * ({@code b/<path>}) is its path under {@code root}.
     *
     * @throws IllegalStateException when the diff no longer applies (the solution changed under it)
     */
    static void applyDiff(Path diff, Path root) throws IOException {
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

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

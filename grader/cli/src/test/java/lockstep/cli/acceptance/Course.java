package lockstep.cli.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lockstep.engine.GradeRequest;
import lockstep.engine.Grader;
import lockstep.engine.Installation;
import lockstep.engine.result.GradeReport;
import lockstep.verify.CourseTree;
import lockstep.verify.Subject;

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

    /** The course repository as {@code ./grade verify} reads it. */
    static CourseTree tree() {
        return new CourseTree(REPO, GRADER.catalog());
    }

    /** Every mutant of the checked exercises, by exercise and name. */
    static List<Subject.Mutant> mutants() {
        return tree().mutants(ONLY);
    }

    /** Every honest variant of the checked exercises, by exercise and name. */
    static List<Subject.Variant> variants() {
        return tree().variants(ONLY);
    }

    /** The reference solutions with {@code subject}'s change made to its exercise's package, under {@code into}. */
    static Path solutionsWith(Subject subject, Path into) throws IOException {
        return tree().submission(List.of(subject), into);
    }

    static void copyTree(Path from, Path to) throws IOException {
        CourseTree.copyTree(from, to);
    }
}

package lockstep.verify;

import java.util.List;
import java.util.Objects;

/**
 * What {@code ./grade verify} checks: the subjects (in the order they are reported), how many
 * times each is graded, and whether a core is kept busy meanwhile.
 *
 * @param repeat how many times each subject is graded; the verdicts of every run must agree
 * @param load whether another thread keeps one core busy during every grading
 */
public record Verification(List<Subject> subjects, int repeat, boolean load) {
    public Verification {
        subjects = List.copyOf(subjects);
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, not " + repeat);
        }
    }

    /**
     * Every subject of the exercises asked for (all when empty), by exercise: the solution, the
     * template, then its mutants and its honest variants.
     */
    public static Verification ofCourse(CourseTree course, List<String> exerciseIds, int repeat, boolean load) {
        Objects.requireNonNull(exerciseIds, "exerciseIds must not be null");
        List<Subject> subjects = new java.util.ArrayList<>();
        for (String id : exerciseIds) {
            subjects.add(new Subject.Solution(id));
            subjects.add(new Subject.Template(id));
            subjects.addAll(course.mutants(List.of(id)));
            subjects.addAll(course.variants(List.of(id)));
        }
        return new Verification(subjects, repeat, load);
    }
}

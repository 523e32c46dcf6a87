package lockstep.engine.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lockstep.engine.catalog.Exercise;

/**
 * The learner sources that one exercise grades, chosen from a submission by the rules every
 * exercise shares: only its package; the course's given classes and test classes always win over
 * a learner's copy (with a note); two copies of one class reject the exercise, and so does a package
 * with more Java files than the reader keeps for one.
 *
 * @param rejection why the exercise cannot be graded as submitted; empty when it can
 */
public record ExerciseSources(List<SourceFile> sources, List<String> notes, Optional<String> rejection) {
    public ExerciseSources {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        Objects.requireNonNull(rejection, "rejection must not be null");
    }

    /** Whether the submission has nothing for this exercise. */
    public boolean isMissing() {
        return sources.isEmpty() && rejection.isEmpty();
    }

    /**
     * Picks {@code exercise}'s sources out of {@code submission}.
     *
     * @param givenText the course's text of a given class, by simple name, to tell an untouched copy from a changed one
     */
    public static ExerciseSources select(Submission submission, Exercise exercise, java.util.function.Function<String, String> givenText) {
        List<String> notes = new ArrayList<>();
        if (submission.fullPackages().contains(exercise.packageName())) {
            return new ExerciseSources(List.of(), notes, Optional.of("The submission has more than "
                    + SubmissionReader.MAX_FILES_PER_PACKAGE + " Java files in package " + exercise.packageName()
                    + ", far more than this exercise needs, so it is not graded (the other exercises are). Keep only"
                    + " your solution's classes in that package."));
        }
        Map<String, SourceFile> chosen = new LinkedHashMap<>();
        for (SourceFile source : submission.inPackage(exercise.packageName())) {
            if (exercise.givenClasses().contains(source.className())) {
                if (sameCode(source.content(), givenText.apply(source.className()))) {
                    continue;
                }
                notes.add("Your copy of " + source.fileName() + " is ignored: " + source.className()
                        + " is given by the course, and the course's version is used.");
            } else if (exercise.testClasses().contains(source.className())) {
                notes.add("Your " + source.fileName() + " is ignored: that name belongs to the course's tests.");
            } else if (chosen.containsKey(source.className())) {
                return new ExerciseSources(List.of(), notes, Optional.of("The submission has two copies of "
                        + source.fileName() + " in package " + exercise.packageName() + ": "
                        + chosen.get(source.className()).path() + " and " + source.path()
                        + ". Keep one of them, so it is clear which one to grade."));
            } else {
                chosen.put(source.className(), source);
            }
        }
        return new ExerciseSources(List.copyOf(chosen.values()), notes, Optional.empty());
    }

    private static boolean sameCode(String a, String b) {
        return a.replaceAll("\\s+", " ").strip().equals(b.replaceAll("\\s+", " ").strip());
    }
}

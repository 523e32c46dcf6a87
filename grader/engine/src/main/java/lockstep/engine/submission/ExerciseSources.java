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
 * a learner's copy (said as an {@link Ignored}); two copies of one class reject the exercise, and so
 * does a package with more Java files than the reader keeps for one. What it decides are values, which
 * {@code lockstep.engine.score} puts into the learner's words.
 *
 * @param ignored the learner's sources left out because the course's own class of that name is used
 * @param rejection why the exercise cannot be graded as submitted; empty when it can
 */
public record ExerciseSources(List<SourceFile> sources, List<Ignored> ignored, Optional<Rejection> rejection) {
    public ExerciseSources {
        sources = List.copyOf(sources);
        ignored = List.copyOf(ignored);
        Objects.requireNonNull(rejection, "rejection must not be null");
    }

    /** A learner's source left out: the course has a class of that name, which wins. */
    public record Ignored(SourceFile source, Why why) {
        public Ignored {
            Objects.requireNonNull(source, "source must not be null");
            Objects.requireNonNull(why, "why must not be null");
        }

        /** Whose the name is. */
        public enum Why {
            /** A class the course gives the learner, changed in the learner's copy; the course's version is used. */
            GIVEN_CLASS,
            /** The name of one of the course's test classes. */
            TEST_CLASS
        }
    }

    /** Why an exercise's sources cannot be graded as submitted. */
    public sealed interface Rejection {
        /**
         * The exercise's package has more Java files than the reader keeps for one package.
         *
         * @param maxFiles how many the reader keeps
         */
        record PackageFull(String packageName, int maxFiles) implements Rejection {
            public PackageFull {
                Objects.requireNonNull(packageName, "packageName must not be null");
            }
        }

        /** Two sources declare the same class: the one seen {@code first}, and {@code second}. */
        record TwoCopies(String packageName, SourceFile first, SourceFile second) implements Rejection {
            public TwoCopies {
                Objects.requireNonNull(packageName, "packageName must not be null");
                Objects.requireNonNull(first, "first must not be null");
                Objects.requireNonNull(second, "second must not be null");
            }
        }
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
        List<Ignored> ignored = new ArrayList<>();
        if (submission.fullPackages().contains(exercise.packageName())) {
            return new ExerciseSources(List.of(), ignored,
                    Optional.of(new Rejection.PackageFull(exercise.packageName(), SubmissionReader.MAX_FILES_PER_PACKAGE)));
        }
        Map<String, SourceFile> chosen = new LinkedHashMap<>();
        for (SourceFile source : submission.inPackage(exercise.packageName())) {
            if (exercise.givenClasses().contains(source.className())) {
                if (sameCode(source.content(), givenText.apply(source.className()))) {
                    continue;
                }
                ignored.add(new Ignored(source, Ignored.Why.GIVEN_CLASS));
            } else if (exercise.testClasses().contains(source.className())) {
                ignored.add(new Ignored(source, Ignored.Why.TEST_CLASS));
            } else if (chosen.containsKey(source.className())) {
                return new ExerciseSources(List.of(), ignored,
                        Optional.of(new Rejection.TwoCopies(exercise.packageName(), chosen.get(source.className()), source)));
            } else {
                chosen.put(source.className(), source);
            }
        }
        return new ExerciseSources(List.copyOf(chosen.values()), ignored, Optional.empty());
    }

    private static boolean sameCode(String a, String b) {
        return a.replaceAll("\\s+", " ").strip().equals(b.replaceAll("\\s+", " ").strip());
    }
}

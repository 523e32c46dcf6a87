package lockstep.engine.score;

import lockstep.engine.submission.ExerciseSources.Ignored;
import lockstep.engine.submission.ExerciseSources.Rejection;

/**
 * The learner's words for what choosing an exercise's sources decided: a source left out because
 * the course's class of that name is used, and why the sources cannot be graded as submitted.
 *
 * <p>The submission stage reports these as values; they are put into words here, beside the other
 * verdict texts, so that every sentence a learner reads about their code is written in one stage.
 */
final class IntakeTexts {
    private IntakeTexts() {}

    /** Why a source of the learner's was left out, as a note shown with the exercise. */
    static String ignored(Ignored ignored) {
        String file = ignored.source().fileName();
        return switch (ignored.why()) {
            case GIVEN_CLASS -> "Your copy of " + file + " is ignored: " + ignored.source().className()
                    + " is given by the course, and the course's version is used.";
            case TEST_CLASS -> "Your " + file + " is ignored: that name belongs to the course's tests.";
        };
    }

    /** Why the exercise was rejected, and what to do about it. */
    static String rejected(Rejection rejection) {
        return switch (rejection) {
            case Rejection.PackageFull(var packageName, var maxFiles) -> "The submission has more than " + maxFiles
                    + " Java files in package " + packageName + ", far more than this exercise needs, so it is not graded"
                    + " (the other exercises are). Keep only your solution's classes in that package.";
            case Rejection.TwoCopies(var packageName, var first, var second) -> "The submission has two copies of "
                    + second.fileName() + " in package " + packageName + ": " + first.path() + " and " + second.path()
                    + ". Keep one of them, so it is clear which one to grade.";
        };
    }
}

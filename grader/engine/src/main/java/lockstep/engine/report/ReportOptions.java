package lockstep.engine.report;

import java.util.Set;
import lockstep.engine.result.GradeReport;

/**
 * What the formats may show beyond the verdicts.
 *
 * @param learnerOutput whether what the learner's code printed during a test goes into the reports a
 *     learner reads on a course platform (Gradescope, PrairieLearn, GitHub Classroom, VPL) and into
 *     JUnit XML's {@code system-out}, for every exercise ({@code --learner-output}). Off by default:
 *     what the code printed can show a test's inputs (a hidden test's too) and anything the learner
 *     chose to print; the native {@code results.json} and the text report always keep it, for the
 *     instructor and for {@code ./grade}.
 * @param showHidden whether the formats a learner reads (text, PrairieLearn, GitHub Classroom, VPL,
 *     JUnit XML) show the tests a suite declared hidden in full, for an instructor
 *     ({@code --show-hidden}). Off by default: each such test is shown as {@link HiddenTests} shows
 *     it. Gradescope's format is told every test's visibility either way, and the native format
 *     always keeps everything.
 * @param learnerOutputExercises the exercises whose learner output is shown although
 *     {@code learnerOutput} is off: those the course declared harmless to show
 *     ({@code "learnerOutput": "shown"} in their {@code exercise.json})
 * @since 0.1
 */
public record ReportOptions(boolean learnerOutput, boolean showHidden, Set<String> learnerOutputExercises) {
    /** The conservative default: no learner output on the platforms, hidden tests hidden. */
    public static final ReportOptions DEFAULT = new ReportOptions(false, false);

    public ReportOptions {
        learnerOutputExercises = Set.copyOf(learnerOutputExercises);
    }

    /** No exercise's learner output shown unless {@code learnerOutput}. */
    public ReportOptions(boolean learnerOutput, boolean showHidden) {
        this(learnerOutput, showHidden, Set.of());
    }

    /** Hidden tests hidden; learner output as given. */
    public ReportOptions(boolean learnerOutput) {
        this(learnerOutput, false);
    }

    /** Whether the learner's output in the exercise {@code exerciseId} may go where learners read it. */
    public boolean learnerOutput(String exerciseId) {
        return learnerOutput || learnerOutputExercises.contains(exerciseId);
    }

    /** {@code report} as these options let a learner see it: itself with {@link #showHidden}, else {@link HiddenTests#forLearners}. */
    GradeReport seen(GradeReport report) {
        return showHidden ? report : HiddenTests.forLearners(report);
    }
}

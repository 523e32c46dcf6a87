package lockstep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.TextReport;
import lockstep.progress.ExerciseState;
import lockstep.progress.LastGrading;
import lockstep.progress.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade list}: the exercises, their points, the learner's last score on each and whether
 * it is done, in progress or not started, then the chapter's progress as a bar and a percentage.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the exercises, their points, your last score on each and whether it is done, in progress "
                + "or not started, then your progress through the chapter. Each exercise's last grading of your "
                + "templates/ is kept in .lockstep/progress.json, so grading one exercise does not forget the others."})
final class ListCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "Read the last scores from this results file (of any "
            + "submission) instead of your progress.")
    private Path json;

    /** Null for the working copy {@code ./grade} runs in. */
    private final WorkingCopy workingCopy;

    ListCommand() {
        this(null);
    }

    ListCommand(WorkingCopy workingCopy) {
        this.workingCopy = workingCopy;
    }

    @Override
    public Integer call() {
        Map<String, LastGrading> last = json != null ? WorkingCopy.lastGradings(json, null)
                : (workingCopy != null ? workingCopy : WorkingCopy.current()).lastGradings();
        print(Catalog.load().exercises(), last, spec.commandLine().getOut());
        return ExitCode.OK.code;
    }

    /** The table of {@code exercises} with their {@code last} gradings, the progress line and what to grade next. */
    static void print(List<Exercise> exercises, Map<String, LastGrading> last, PrintWriter out) {
        int titles = exercises.stream().mapToInt(e -> e.title().length()).max().orElse(0);
        String row = "%-3s %-12s %-" + Math.max(titles, "title".length()) + "s %6s %10s  %s%n";
        out.printf(row, "#", "exercise", "title", "points", "last score", "state");
        double earned = 0;
        int max = 0;
        int done = 0;
        Exercise next = null;
        for (Exercise exercise : exercises) {
            LastGrading grading = last.get(exercise.id());
            ExerciseState state = ExerciseState.of(grading);
            String score = grading == null ? "-" : TextReport.number(grading.score()) + "/" + TextReport.number(grading.maxScore());
            out.printf(row, exercise.order(), exercise.id(), exercise.title(), exercise.maxScore(), score, state.label());
            earned += grading == null ? 0 : Math.clamp(grading.score(), 0, exercise.maxScore());
            max += exercise.maxScore();
            if (state == ExerciseState.DONE) {
                done++;
            } else if (next == null) {
                next = exercise;
            }
        }
        out.printf("%nProgress: %s (%s done)%n", ProgressBar.line(earned, max), done + " of " + exercises.size() + " exercises");
        out.println(next == null ? "Every exercise is at full marks."
                : "Next: " + next.id() + ": ./grade " + next.id() + " (stuck? ./grade hint " + next.id() + ")");
        out.flush();
    }
}

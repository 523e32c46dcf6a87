package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.JsonReport;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./grade list}: the exercises, their points, and the learner's last score on each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the exercises, their points and your last score.")
final class ListCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", paramLabel = "FILE", description = "The results to read the last scores from (default: results.json of this repository).")
    private Path json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, ExerciseResult> last = lastResults(json != null ? json : Setup.repo().resolve("results.json"));
        List<Exercise> exercises = Catalog.load().exercises();
        int titles = exercises.stream().mapToInt(e -> e.title().length()).max().orElse(0);
        String row = "%-3s %-12s %-" + Math.max(titles, "title".length()) + "s %6s %10s%n";
        out.printf(row, "#", "exercise", "title", "points", "last score");
        for (Exercise exercise : exercises) {
            String score = Optional.ofNullable(last.get(exercise.id()))
                    .map(r -> TextReport.number(r.score()) + "/" + TextReport.number(r.maxScore())).orElse("-");
            out.printf(row, exercise.order(), exercise.id(), exercise.title(), exercise.maxScore(), score);
        }
        out.flush();
        return ExitCode.OK.code;
    }

    private static Map<String, ExerciseResult> lastResults(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            GradeReport report = JsonReport.read(file);
            return report.exercises().stream().collect(Collectors.toMap(ExerciseResult::id, Function.identity(), (a, b) -> b));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}

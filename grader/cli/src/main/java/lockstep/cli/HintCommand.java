package lockstep.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./grade hint ID}: an exercise's hints, from gentle to specific. */
@Command(name = "hint", mixinStandardHelpOptions = true, description = "Shows the hints of one exercise.")
final class HintCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE", description = "The exercise, e.g. mutex.")
    private String id;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.load();
        Exercise exercise = catalog.find(id).orElseThrow(() -> new ExitCode.UsageException("no exercise '" + id
                + "'; the exercises are " + catalog.exercises().stream().map(Exercise::id).toList()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(exercise.title() + " (" + exercise.id() + ", package " + exercise.packageName() + ")");
        for (int i = 0; i < exercise.hints().size(); i++) {
            out.printf("%d. %s%n", i + 1, exercise.hints().get(i));
        }
        out.println("The statement: exercises/" + exercise.id() + "/README.md");
        out.flush();
        return ExitCode.OK.code;
    }
}

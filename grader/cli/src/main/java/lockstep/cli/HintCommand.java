package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.progress.HintStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade hint EXERCISE}: the exercise's next hint the learner has not seen, from gentle to
 * specific, or all of them; which were seen is kept in {@code .lockstep/hints.json}.
 */
@Command(name = "hint", mixinStandardHelpOptions = true,
        description = {"Shows the next hint of EXERCISE you have not seen yet, from gentle to specific; once you have seen "
                + "them all, all of them.",
            "Which hints you have seen is kept in .lockstep/hints.json of your working copy: delete that file to start over."})
final class HintCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE", description = "The exercise, e.g. mutex.")
    private String id;

    @Option(names = "--all", description = "Show every hint of the exercise at once (they then all count as seen).")
    private boolean all;

    /** Null for the working copy {@code ./grade} runs in. */
    private final WorkingCopy workingCopy;

    HintCommand() {
        this(null);
    }

    HintCommand(WorkingCopy workingCopy) {
        this.workingCopy = workingCopy;
    }

    @Override
    public Integer call() {
        Catalog catalog = Catalog.load();
        Exercise exercise = catalog.find(id).orElseThrow(() -> new ExitCode.UsageException("no exercise '" + id
                + "'; the exercises are " + catalog.exercises().stream().map(Exercise::id).toList()));
        WorkingCopy copy = workingCopy != null ? workingCopy : WorkingCopy.current();
        HintStore store = copy.hints();
        PrintWriter out = spec.commandLine().getOut();
        List<String> hints = exercise.hints();
        int seen = Math.min(store.shown(exercise.id()), hints.size());
        String again = "./grade hint " + exercise.id();

        out.println(exercise.title() + " (" + exercise.id() + ", package " + exercise.packageName() + ")");
        if (hints.isEmpty()) {
            out.println("This exercise has no hints.");
        } else if (all || seen == hints.size()) {
            out.println(seen == hints.size() ? "You have seen all " + hints.size() + " hints:" : "All " + hints.size() + " hints:");
            for (int i = 0; i < hints.size(); i++) {
                out.printf("%d. %s%n", i + 1, hints.get(i));
            }
            out.println("To see them one at a time again, delete " + copy.shown(store.file()) + ".");
            remember(store, copy, hints.size());
        } else {
            int shown = seen + 1;
            out.printf("Hint %d of %d: %s%n", shown, hints.size(), hints.get(seen));
            out.println(shown < hints.size() ? again + " again shows the next, more specific one; " + again + " --all shows them all."
                    : "That was the last hint; " + again + " shows them all again.");
            remember(store, copy, shown);
        }
        out.println("The statement: exercises/" + exercise.id() + "/README.md");
        out.flush();
        return ExitCode.OK.code;
    }

    /** Keeps that the first {@code count} hints were seen; a failure to write is said on standard error, the hint was shown anyway. */
    private void remember(HintStore store, WorkingCopy copy, int count) {
        try {
            store.remember(id, count);
        } catch (IOException | RuntimeException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("grade: cannot remember which hints you have seen in " + copy.shown(store.file()) + ": " + e.getMessage());
            err.flush();
        }
    }
}

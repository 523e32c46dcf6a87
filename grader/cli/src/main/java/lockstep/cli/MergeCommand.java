package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lockstep.batch.Merge;
import lockstep.batch.html.ClassReport;
import lockstep.batch.output.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade merge DIR... --out DIR}: joins the folders that the shards of one batch wrote
 * ({@code ./grade batch ... --shard I/N} on several machines) into the folder of the whole class.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Joins the --out folders of every shard of one batch (./grade batch ... --shard I/N) into one: "
                + "students/, summary.json, gradebook.csv and report.html of the whole class. Refuses a shard given twice "
                + "or missing, shards of different batches, and a student in two shards, before writing anything."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:merged", "1:merged, but the grader had failed on some students (see summary.json); or a folder could not "
                + "be read or written", "2:bad usage, or the shards are not one whole batch"})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The --out folder of each shard.")
    private List<Path> shards = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the merged results.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Summary merged;
        try {
            merged = Merge.merge(shards, out, Instant.now());
        } catch (Merge.MergeException e) {
            throw new ExitCode.UsageException("cannot merge: " + e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Summary.Totals totals = merged.totals();
        stdout.printf("Merged %d shards: %d students (%d graded, %d unreadable, %d failed, %d without a submission).%n",
                shards.size(), totals.students(), totals.graded(), totals.unreadable(), totals.failed(), totals.noSubmission());
        stdout.printf("Wrote %s, %s, %s and %s%n", out.resolve("summary.json"), out.resolve("gradebook.csv"),
                out.resolve(ClassReport.FILE), out.resolve("students"));
        stdout.flush();
        return totals.failed() == 0 ? ExitCode.OK.code : ExitCode.GRADER_FAILED.code;
    }
}

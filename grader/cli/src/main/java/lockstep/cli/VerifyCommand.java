package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lockstep.engine.Grader;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.TextReport;
import lockstep.engine.sandbox.SandboxMode;
import lockstep.verify.CourseTree;
import lockstep.verify.Outcome;
import lockstep.verify.Verification;
import lockstep.verify.Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./grade verify}: grades the reference solutions, the templates, every mutant and every
 * honest variant of the course, N times, and fails on any miss or flake; what an instructor runs
 * after editing a suite, a hint or a solution.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks the course: the solutions earn full marks, the templates zero, every mutant loses exactly "
                + "the tests it names and every honest variant earns full marks, on every run; a test whose verdict "
                + "differs between runs is reported as flaky.",
                "Exit status 4 when something missed or was flaky."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE", arity = "0..*", description = "Exercises to check (default: all).")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Grade each N times (default: ${DEFAULT-VALUE}).")
    private int repeat = 1;

    @Option(names = "--load", description = "Keep one core busy during every grading.")
    private boolean load;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
            description = "Run N gradings at once, as ./grade batch -j N does (default: ${DEFAULT-VALUE}).")
    private int jobs = 1;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the table as JSON: one row per subject.")
    private Path json;

    @Option(names = "--reports", paramLabel = "DIR", description = "Also write each subject's text report of its first run "
            + "to DIR/<exercise>/<kind>[/<name>].txt, as a learner would read it.")
    private Path reports;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (repeat < 1) {
            throw new ExitCode.UsageException("--repeat takes a number of runs, at least 1");
        }
        if (jobs < 1) {
            throw new ExitCode.UsageException("--jobs takes a number from 1 up");
        }
        Grader grader = Setup.grader(SandboxMode.AUTO);
        List<String> ids = grader.catalog().exercises().stream().map(Exercise::id).toList();
        for (String id : exercises) {
            if (!ids.contains(id)) {
                throw new ExitCode.UsageException("no exercise '" + id + "'; the exercises are " + String.join(", ", ids));
            }
        }
        CourseTree course = new CourseTree(Setup.repo(), grader.catalog());
        Verification verification = Verification.ofCourse(course, exercises.isEmpty() ? ids : exercises, repeat, load);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("lockstep-verify");
        List<Outcome> outcomes;
        try {
            outcomes = new Verifier(grader, course, Setup.slack(), jobs).verify(verification, work, line -> {
                err.println(line);
                err.flush();
            });
        } finally {
            deleteTree(work);
        }
        print(outcomes, out);
        if (reports != null) {
            writeReports(outcomes, reports);
        }
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".verify", ".json");
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(temporary.toFile(), outcomes.stream().map(Outcome::row).toList());
            Files.move(temporary, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return outcomes.stream().allMatch(Outcome::ok) ? ExitCode.OK.code : ExitCode.VERIFY_FAILED.code;
    }

    /** One row per subject (subject, runs that earned what they must, verdict), then what went wrong. */
    static void print(List<Outcome> outcomes, PrintWriter out) {
        int width = outcomes.stream().mapToInt(o -> o.subject().label().length()).max().orElse(7);
        String row = "%-" + width + "s  %5s  %s%n";
        out.printf(row, "subject", "runs", "verdict");
        for (Outcome o : outcomes) {
            out.printf(row, o.subject().label(), o.passedRuns() + "/" + o.problems().size(),
                    o.ok() ? "ok" : o.flaky() ? "FLAKY" : "MISS");
        }
        List<Outcome> bad = outcomes.stream().filter(o -> !o.ok()).toList();
        for (Outcome o : bad) {
            out.printf("%n%s:%n  %s%n", o.subject().label(), o.explanation().replace("\n", "\n  "));
        }
        out.printf("%n%d of %d subjects ok%s.%n", outcomes.size() - bad.size(), outcomes.size(),
                bad.isEmpty() ? "" : "; " + bad.size() + " missed or flaky");
        out.flush();
    }

    /** Each graded subject's exercise as the text report shows it, in {@code dir/<label>.txt}. */
    static void writeReports(List<Outcome> outcomes, Path dir) throws IOException {
        for (Outcome outcome : outcomes) {
            if (outcome.first().isEmpty()) {
                continue;
            }
            StringWriter text = new StringWriter();
            PrintWriter writer = new PrintWriter(text);
            new TextReport(writer, false).exercise(outcome.first().get());
            writer.flush();
            Path file = dir.resolve(outcome.subject().label() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

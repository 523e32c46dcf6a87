package lockstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.sandbox.SandboxMode;
import lockstep.platform.Bundle;
import lockstep.platform.GradescopePackage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./grade package gradescope [EXERCISE...] [--out autograder.zip]}: what a course platform runs Lockstep from. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Builds what a course platform runs Lockstep from. gradescope: the autograder.zip to upload to a "
                + "Gradescope programming assignment (setup.sh, run_autograder and Lockstep, built).",
                "PrairieLearn, GitHub Classroom and Moodle VPL need no package: see platforms/ and README.md."})
final class PackageCommand implements Callable<Integer> {
    /** The platforms whose files are used as they are, and where README.md tells how. */
    private static final Map<String, String> UNPACKAGED = Map.of("prairielearn", "platforms/prairielearn/ (README.md, \"PrairieLearn\")",
            "classroom", "platforms/classroom/ (README.md, \"GitHub Classroom\")",
            "vpl", "platforms/vpl/ (README.md, \"Moodle VPL\")", "moodle", "platforms/vpl/ (README.md, \"Moodle VPL\")");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLATFORM", description = "gradescope")
    private String platform;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "EXERCISE", description = "Exercises the autograder grades (default: all).")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "autograder.zip", description = "The zip to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", converter = LockstepCommand.SandboxModes.class,
            description = "The autograder's --sandbox: auto, required or off (default: ${DEFAULT-VALUE}).")
    private SandboxMode sandbox = SandboxMode.AUTO;

    @Option(names = "--learner-output", description = "Show learners what their code printed, in Gradescope's results.")
    private boolean learnerOutput;

    @Option(names = "--slack", paramLabel = "FACTOR", description = "Multiply every time bound by FACTOR on Gradescope's machines (LOCKSTEP_SLACK).")
    private Double slack;

    @Override
    public Integer call() throws IOException {
        String name = platform.strip().toLowerCase(Locale.ROOT);
        if (UNPACKAGED.containsKey(name)) {
            throw new ExitCode.UsageException(name + " needs no package: use " + UNPACKAGED.get(name));
        }
        if (!name.equals("gradescope")) {
            throw new ExitCode.UsageException("no platform '" + platform + "' to package; the one is gradescope");
        }
        Catalog catalog = Catalog.load();
        for (String id : exercises) {
            if (catalog.find(id).isEmpty()) {
                throw new ExitCode.UsageException("no exercise '" + id + "'; the exercises are "
                        + catalog.exercises().stream().map(Exercise::id).toList());
            }
        }
        GradescopePackage.Settings settings;
        try {
            settings = new GradescopePackage.Settings(exercises, sandbox.name().toLowerCase(Locale.ROOT), learnerOutput, slack);
        } catch (IllegalArgumentException e) {
            throw new ExitCode.UsageException(e.getMessage());
        }
        Path zip = out.toAbsolutePath().normalize();
        GradescopePackage.write(new Bundle(Setup.repo(), Setup.home()), settings, zip);
        double points = catalog.exercises().stream().filter(e -> exercises.isEmpty() || exercises.contains(e.id()))
                .mapToDouble(Exercise::maxScore).sum();
        PrintWriter text = spec.commandLine().getOut();
        text.println("Wrote " + zip + ": upload it as the autograder of a Gradescope programming assignment");
        text.println("(base image Ubuntu 22.04), worth " + lockstep.engine.report.TextReport.number(points)
                + " points; README.md, \"Gradescope\", says how.");
        text.flush();
        return ExitCode.OK.code;
    }
}

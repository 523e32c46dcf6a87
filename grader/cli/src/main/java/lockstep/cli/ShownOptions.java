package lockstep.cli;

import java.util.Set;
import java.util.stream.Collectors;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.ReportOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the reports show beyond what a learner may always see: the options {@code ./grade} and
 * {@code ./grade batch} share, declared once and mixed into both ({@code ./grade watch}, which writes
 * no platform report, takes only {@link HiddenTestsOption}).
 */
final class ShownOptions {
    @Option(names = "--learner-output", description = "Put what the learner's code printed into the gradescope, prairielearn, "
            + "classroom, vpl and junit reports, for every exercise (off by default: it can show a test's inputs; an exercise "
            + "whose exercise.json says \"learnerOutput\": \"shown\" has it shown anyway).")
    private boolean learnerOutput;

    @Mixin
    private HiddenTestsOption hidden = new HiddenTestsOption();

    /** Whether hidden tests are shown in full. */
    boolean showHidden() {
        return hidden.showHidden();
    }

    /**
     * The options as the report formats take them, for the course on the class path; should its
     * catalog be unreadable, no exercise shows its output beyond {@code --learner-output} (the
     * grading then fails and the reports, still written, say why).
     */
    ReportOptions reportOptions() {
        Catalog catalog;
        try {
            catalog = Catalog.load();
        } catch (RuntimeException e) {
            return new ReportOptions(learnerOutput, showHidden());
        }
        return reportOptions(catalog);
    }

    /** The options as the report formats take them, with the exercises of {@code catalog} that show their learners' output. */
    ReportOptions reportOptions(Catalog catalog) {
        Set<String> shownOutput = catalog.exercises().stream().filter(Exercise::learnerOutputShown).map(Exercise::id)
                .collect(Collectors.toUnmodifiableSet());
        return new ReportOptions(learnerOutput, showHidden(), shownOutput);
    }
}

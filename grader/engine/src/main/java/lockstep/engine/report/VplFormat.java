package lockstep.engine.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * What Moodle's Virtual Programming Lab reads from an evaluation: a comment block
 * ({@code <|--} ... {@code --|>}, each marker alone on its line) per exercise and per test that did
 * not pass, a title line ({@code -...}) heading each, the text in preformatted lines ({@code >...}),
 * and one final {@code Grade :=>> N} line at column 0 with the points as a plain decimal (no exponent,
 * no grouping). VPL takes the last grade line and does not clamp it: the activity's maximum grade
 * must be the course's maximum points.
 *
 * <p>LF line ends only, every block closed. No text can open or close a block or forge a grade
 * or comment line: every line of text starts with {@code >} (or {@code -} for a title), and any line
 * that would still read as a marker is prefixed with {@code >}. Learner output only with
 * {@link ReportOptions#learnerOutput(String)}. VPL shows every comment to the learner, so a hidden test is
 * shown as {@link HiddenTests} shows it, unless {@link ReportOptions#showHidden()}.
 */
final class VplFormat extends NamedFormat {
    private static final List<String> MARKERS = List.of("Grade :=>>", "Comment :=>>", "<|--", "--|>");
    private static final int CAP = 4000;

    VplFormat(ReportOptions options) {
        super("vpl", "vpl.txt", options);
    }

    @Override
    public byte[] render(GradeReport full) {
        GradeReport report = options.seen(full);
        StringBuilder out = new StringBuilder();
        if (report.failure() != null) {
            block(out, report.failure().kind() == GradeReport.Failure.Kind.GRADER_FAILED
                    ? "The grader failed, so nothing was graded" : "Nothing was graded", report.failure().message());
        }
        for (ExerciseResult exercise : report.exercises()) {
            block(out, Texts.verdict(exercise) + "  " + exercise.title(), exercise.message());
            for (TestResult test : exercise.tests()) {
                if (test.status() != TestStatus.PASSED) {
                    block(out, exercise.id() + ": " + test.name() + " (" + test.status().json() + ", 0/"
                            + Texts.plain(test.maxPoints()) + ")", Texts.feedback(test, options.learnerOutput(exercise.id()), CAP));
                }
            }
        }
        if (!report.notes().isEmpty()) {
            block(out, "About the submission", String.join("\n", report.notes()));
        }
        block(out, "Total: " + Texts.plain(report.score()) + "/" + Texts.plain(report.maxScore()), null);
        out.append("Grade :=>> ").append(Texts.plain(report.score())).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One closed comment block: a title line, then the text as preformatted lines. */
    private static void block(StringBuilder out, String title, String text) {
        out.append("<|--\n");
        out.append(safe("-" + Texts.clean(title).replace('\n', ' '))).append('\n');
        if (text != null && !text.isBlank()) {
            for (String line : Texts.cap(text, CAP).stripTrailing().split("\n", -1)) {
                out.append(safe(">" + line)).append('\n');
            }
        }
        out.append("--|>\n");
    }

    /** The line, or {@code >} and the line when VPL could read it as a marker (VPL trims lines to find block markers). */
    static String safe(String line) {
        String stripped = line.strip();
        for (String marker : MARKERS) {
            if (line.startsWith(marker) || stripped.startsWith(marker)) {
                return ">" + line;
            }
        }
        return line;
    }
}

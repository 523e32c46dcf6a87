package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import lockstep.engine.result.GradeReport;
import org.junit.jupiter.api.Test;

/** What Moodle VPL reads from an evaluation's output, a test per rule. */
class VplFormatTest {
    static String render(GradeReport report, boolean learnerOutput) {
        return new String(new VplFormat(new ReportOptions(learnerOutput)).render(report), StandardCharsets.UTF_8);
    }

    @Test
    void everyExerciseAndEveryTestThatDidNotPassHasAClosedCommentBlock() {
        String text = render(SampleReports.graded(), false);

        assertThat(text).contains("<|--\n-spawn-join: 7/7", "<|--\n-mutex: 2.5/12.5 (crashed)",
                "<|--\n-mutex: checks MutexTest#t1 (failed, 0/2.5)\n>Failed: expected 1 but was 2\n>  at Mutex.java:12\n>Hint:");
        assertThat(text).doesNotContain("-mutex: checks MutexTest#t0");
        assertThat(count(text, "<|--\n")).isEqualTo(count(text, "--|>\n")).isEqualTo(2 + 4 + 1 + 1);
        FormatChecks.vplGrade(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void endsWithOneGradeLineAtColumnZeroWithThePointsAsAPlainDecimal() {
        String text = render(SampleReports.graded(), false);

        assertThat(text).endsWith("\nGrade :=>> 9.5\n");
        assertThat(count(text, "Grade :=>>")).isEqualTo(1);
        GradeReport big = SampleReports.report(List.of(), List.of());
        GradeReport many = new GradeReport(big.schemaVersion(), big.grader(), big.submission(), big.startedAt(), 1,
                12_345_678.5, 20_000_000, List.of(), List.of(), null);
        GradeReport tiny = new GradeReport(big.schemaVersion(), big.grader(), big.submission(), big.startedAt(), 1,
                0.1 + 0.2, 1, List.of(), List.of(), null);
        assertThat(render(many, false)).endsWith("\nGrade :=>> 12345678.5\n");
        assertThat(render(tiny, false)).endsWith("\nGrade :=>> 0.3\n");
    }

    @Test
    void linesEndInLfOnly() {
        String text = render(SampleReports.hostile(), true);

        assertThat(text.contains("\r")).as("no CR").isFalse();
    }

    @Test
    void noLearnerTextOpensOrClosesABlockOrForgesAGradeOrCommentLine() {
        String text = render(SampleReports.hostile(), true);

        assertThat(FormatChecks.vplGrade(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(30);
        assertThat(text.lines().filter(l -> l.startsWith("Grade :=>>") || l.startsWith("Comment :=>>"))).hasSize(1);
        assertThat(text.lines().filter(l -> l.strip().equals("--|>") || l.strip().equals("<|--")))
                .allMatch(l -> l.equals("--|>") || l.equals("<|--"));
        assertThat(text.contains(">--|>") && text.contains(">Grade :=>> 1000") && text.contains(">Comment :=>> forged"))
                .as("the learner's markers are kept as text").isTrue();
    }

    @Test
    void aReportNotGradedIsOneBlockSayingWhyAndGradeZero() {
        String text = render(SampleReports.noSubmission(), false);

        assertThat(text).startsWith("<|--\n-Nothing was graded\n>cannot read the submission: no such file nowhere\n--|>\n")
                .endsWith("\nGrade :=>> 0\n");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}

package lockstep.batch.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.TestVisibility;
import org.junit.jupiter.api.Test;

/**
 * The class report flags a test by its {@code problem}, as the grader decided it, and never by its
 * message; only results written before schema 1.6, which carry no problem, are read by their messages.
 */
class FindingsTest {
    private static final Map<TestProblem, String> FLAGGED = Map.of(TestProblem.JVM_EXITED, "exit",
            TestProblem.OUT_OF_MEMORY, "out of memory", TestProblem.CHANNEL_TAMPERED, "forgery",
            TestProblem.CHANNEL_UNREADABLE, "garbled channel");
    /** The grader's words before schema 1.6, one for each problem the report flags. */
    private static final Map<TestProblem, String> OLDER_WORDS = Map.of(
            TestProblem.JVM_EXITED, "The test JVM stopped with exit code 0 during this test",
            TestProblem.OUT_OF_MEMORY, "Out of memory: your code used up the test JVM's memory during this test",
            TestProblem.CHANNEL_TAMPERED, "Something other than the test runner wrote to the grader's channel (bad seal), so ...",
            TestProblem.CHANNEL_UNREADABLE, "The test JVM sent something the grader could not read (bad frame)");

    private final ReportClass known = new ReportClass();

    /** The flags on fay's channel exercise when its one test is {@code test} in a report of {@code schemaVersion}. */
    private List<String> fayFlags(String schemaVersion, TestResult test) {
        GradeReport fay = known.results.get("fay");
        ExerciseResult channel = fay.exercises().get(1);
        known.results.put("fay", new GradeReport(schemaVersion, fay.grader(), fay.submission(), fay.startedAt(), fay.durationMs(),
                fay.score(), fay.maxScore(), List.of(fay.exercises().get(0), new ExerciseResult(channel.id(), channel.title(),
                        channel.status(), channel.score(), channel.maxScore(), channel.message(), List.of(test), channel.timing()))));
        return Findings.of(known.summary, known::results).flags().stream()
                .filter(f -> f.student().equals("fay") && "channel".equals(f.exercise()))
                .map(f -> f.kind() + ": " + f.detail()).toList();
    }

    private static TestResult test(TestStatus status, String message, TestProblem problem) {
        return new TestResult("ChannelTest#sends", "sends", status, 0, 10, message, "", "hint", 0, TestVisibility.VISIBLE, 0, problem);
    }

    @Test
    void eachProblemTheReportFlagsIsFlaggedByTheFieldWhateverTheMessageSays() {
        FLAGGED.forEach((problem, kind) -> assertThat(fayFlags(GradeReport.SCHEMA_VERSION,
                test(TestStatus.ERRORED, "words the report does not read\nsecond line", problem)))
                .as(problem.json()).containsExactly(kind + ": words the report does not read"));
    }

    @Test
    void aCurrentResultWhoseMessageMerelyLooksLikeAProblemIsNotFlagged() {
        for (String words : OLDER_WORDS.values()) {
            assertThat(fayFlags(GradeReport.SCHEMA_VERSION, test(TestStatus.ERRORED, words, TestProblem.EXCEPTION))).as(words).isEmpty();
            assertThat(fayFlags(GradeReport.SCHEMA_VERSION, test(TestStatus.ERRORED, words, null))).as("a redacted or hand-made test").isEmpty();
            assertThat(fayFlags("1.6", test(TestStatus.FAILED, words, TestProblem.ASSERTION))).as(words).isEmpty();
        }
    }

    @Test
    void anOlderResultWithoutProblemsIsFlaggedByItsErroredTestsMessagesAsBefore() {
        OLDER_WORDS.forEach((problem, words) -> {
            assertThat(fayFlags("1.5", test(TestStatus.ERRORED, words, null))).as(words)
                    .containsExactly(FLAGGED.get(problem) + ": " + Findings.firstLine(words));
            assertThat(fayFlags("1.2", test(TestStatus.FAILED, words, null))).as("only an errored test, as before").isEmpty();
        });
        assertThat(fayFlags("1.5", test(TestStatus.ERRORED, "Unexpected IllegalStateException: closed", null))).isEmpty();
    }

    @Test
    void onlySchemasBeforeOneSixAreReadByTheirMessages() {
        assertThat(List.of("1.0", "1.1", "1.4", "1.5", "0.9")).allMatch(OlderResults::untyped);
        assertThat(List.of("1.6", "1.7", "1.10", "2.0", "2", "next")).noneMatch(OlderResults::untyped);
        assertThat(OlderResults.untyped(GradeReport.SCHEMA_VERSION)).isFalse();
    }
}

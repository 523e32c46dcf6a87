package lockstep.batch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The gradebook's CSV rules: strict quoting, no formulas, plain decimals, percentages never above 100. */
class GradebookTest {
    private static final List<ExerciseColumn> EXERCISES = List.of(new ExerciseColumn("mutex", "Mutex", 27),
            new ExerciseColumn("bank", "Bank", 10));

    private static Summary.Row row(String id, String name, Verdict status, Double score, Map<String, Double> exercises) {
        Double percent = score == null ? null : Scores.percent(score, 37);
        return new Summary.Row(id, name, null, "=SIS()", null, "-A", false, status, null, score, 37, percent, exercises,
                null, id, Instant.EPOCH, 0);
    }

    private static Summary summary(Summary.Row... rows) {
        return new Summary(Summary.SCHEMA_VERSION, "dev", Instant.EPOCH, "subs", "folders", EXERCISES, List.of(rows),
                new Summary.Totals(rows.length, 0, 0, 0, 0, 37, null), List.of(), List.of(), null);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void everyFieldIsQuotedAndTheColumnsAreThoseOfAGradeImport() throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("mutex", 13.5);
        scores.put("bank", 10.0);
        String csv = Gradebook.csv(summary(row("alice", "Doe, \"Al\"", Verdict.GRADED, 23.5, scores)));

        assertThat(csv.lines().toList()).containsExactly(
                "\"Student\",\"ID\",\"SIS User ID\",\"SIS Login ID\",\"Section\",\"mutex\",\"bank\",\"Total (%)\"",
                "\"Doe, \"\"Al\"\"\",\"alice\",\"'=SIS()\",\"\",\"'-A\",\"13.5\",\"10\",\"63.51\"");
        assertThat(parse(csv).get(1).get(0)).isEqualTo("Doe, \"Al\"");
    }

    @Test
    void noCellCanRunAsAFormula() throws IOException {
        for (String dangerous : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Gradebook.cell(dangerous)).startsWith("'").endsWith(dangerous.substring(1));
        }
        assertThat(Gradebook.cell("Jane")).isEqualTo("Jane");
        assertThat(Gradebook.cell("")).isEmpty();
        String csv = Gradebook.csv(summary(row("=HYPERLINK(\"http://x\")", "@evil", Verdict.GRADED, 0.0, Map.of())));
        for (CSVRecord record : parse(csv)) {
            for (String cell : record) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
    }

    @Test
    void percentagesNeverExceedAHundredAndNumbersArePlainDecimals() throws IOException {
        assertThat(Scores.percent(40, 37)).isEqualTo(100.0);
        assertThat(Scores.percent(2, 3)).isEqualTo(66.67);
        assertThat(Scores.percent(5, 0)).isZero();
        assertThat(Scores.plain(10.0)).isEqualTo("10");
        assertThat(Scores.plain(7.5)).isEqualTo("7.5");
        assertThat(Scores.plain(66.666)).isEqualTo("66.67");
        assertThat(Scores.plain(0.0)).isEqualTo("0");
        assertThat(Scores.plain(12345678.0)).isEqualTo("12345678");
        assertThat(Scores.plain(1e-9)).isEqualTo("0");

        String csv = Gradebook.csv(summary(new Summary.Row("x", null, null, null, null, null, false, Verdict.GRADED, null,
                40.0, 37, 150.0, Map.of("mutex", 1234.5), null, "x", Instant.EPOCH, 0)));
        CSVRecord record = parse(csv).get(1);
        assertThat(record.get(7)).isEqualTo("100");
        assertThat(record.get(5)).isEqualTo("1234.5");
        assertThat(record.get(6)).as("an exercise without a score is 0").isEqualTo("0");
        assertThat(record.get(0)).as("without a name the id stands").isEqualTo("x");
    }

    @Test
    void aStudentTheGraderFailedOnHasEmptyScoresSoAnImportLeavesThemAlone() throws IOException {
        CSVRecord record = parse(Gradebook.csv(summary(row("f", "F", Verdict.FAILED, null, Map.of())))).get(1);

        assertThat(record.get(5)).isEmpty();
        assertThat(record.get(6)).isEmpty();
        assertThat(record.get(7)).isEmpty();
    }
}

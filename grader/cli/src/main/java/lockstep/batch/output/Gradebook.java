package lockstep.batch.output;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * {@code gradebook.csv}, one row per student, for a course platform's grade import: the columns
 * {@code Student, ID, SIS User ID, SIS Login ID, Section} (as Canvas exports and imports them),
 * then each exercise's points and {@code Total (%)}, a percentage never above 100 (Moodle refuses
 * more than the maximum). Numbers are plain decimals with a dot; every field is quoted; and no
 * cell can run as a spreadsheet formula: one starting with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe. A student the grader failed on has empty score cells, so that
 * an import leaves their grade alone.
 */
public final class Gradebook {
    public static final String TOTAL = "Total (%)";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private Gradebook() {}

    /** The gradebook as CSV text. */
    public static String csv(Summary summary) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
            summary.exercises().forEach(e -> header.add(e.id()));
            header.add(TOTAL);
            printer.printRecord(header.stream().map(Gradebook::cell).toList());
            for (Summary.Row row : summary.students()) {
                List<String> cells = new ArrayList<>(List.of(nonNull(row.name() != null ? row.name() : row.id()), row.id(),
                        nonNull(row.sisUserId()), nonNull(row.sisLoginId()), nonNull(row.section())));
                for (ExerciseColumn exercise : summary.exercises()) {
                    Double points = row.exercises().get(exercise.id());
                    cells.add(row.status() == Verdict.FAILED ? "" : Scores.plain(points == null ? 0 : points));
                }
                cells.add(row.percent() == null ? "" : Scores.plain(Math.min(100.0, row.percent())));
                printer.printRecord(cells.stream().map(Gradebook::cell).toList());
            }
        }
        return text.toString();
    }

    /** Writes {@code gradebook.csv} atomically. */
    public static void write(Summary summary, Path file) throws IOException {
        AtomicFiles.write(file, csv(summary));
    }

    /** A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe. */
    public static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}

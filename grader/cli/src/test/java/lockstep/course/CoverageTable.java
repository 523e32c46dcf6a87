package lockstep.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exercise's {@code coverage.md}, as {@link CoverageTablesTest} reads it: which test checks each
 * sentence of the statement, and what is planned for the sentences no test checks yet.
 *
 * <p>The format, in Markdown that reads well as it is:
 * <ul>
 *   <li>A section {@code ## Tested} holds one table whose header names at least the columns
 *       {@code Tests}, {@code Mutants} and {@code Covered}, one row per sentence. {@code Tests}: one or
 *       more test methods of the exercise's suite, each in backticks as {@code `ClassName#method`}.
 *       {@code Mutants}: the mutants that show a violation of the sentence is caught, each in backticks
 *       as {@code `mutants/<name>`}, comma-separated, or the word {@code none}. {@code Covered}:
 *       {@code yes}, or {@code partly: } and why.</li>
 *   <li>A section {@code ## Not yet tested} holds one table whose header names at least the columns
 *       {@code Proposed test} and {@code Proposed mutant}: the plan for each sentence (or the part of
 *       one) that no test checks. A proposed test or mutant may be named in backticks the same way;
 *       once it exists, the row belongs in the first table.</li>
 *   <li>Anything else (a heading, prose, other sections) is free. A cell never holds a {@code |}.</li>
 * </ul>
 */
record CoverageTable(Path file, List<Row> rows, List<Proposal> proposals, List<String> problems) {

    static final String TESTED = "Tested";
    static final String NOT_YET_TESTED = "Not yet tested";

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern TEST = Pattern.compile("[A-Z][A-Za-z0-9_]*#[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MUTANT = Pattern.compile("mutants/([a-z0-9][a-z0-9-]*)");

    /** A row of the first table: its line in the file, the tests and mutants it names and its Covered cell. */
    record Row(int line, List<String> tests, List<String> mutants, String covered) {}

    /** A row of the second table: the tests and mutants it proposes by name (often none). */
    record Proposal(int line, List<String> tests, List<String> mutants) {}

    static CoverageTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Row> rows = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean sawTested = false;
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                continue;
            }
            boolean tested = section.equalsIgnoreCase(TESTED);
            if (!line.startsWith("|") || !(tested || section.equalsIgnoreCase(NOT_YET_TESTED))) {
                continue;
            }
            // A table: its header, its separator line, then its rows up to the first line that is not one.
            List<String> header = cells(line);
            int end = i + 2;
            while (end < lines.size() && lines.get(end).strip().startsWith("|")) {
                end++;
            }
            if (tested) {
                sawTested = true;
                readTested(header, lines, i, end, rows, problems);
            } else {
                readProposals(header, lines, i, end, proposals, problems);
            }
            i = end - 1;
            section = "";
        }
        if (!sawTested) {
            problems.add("no table under a heading '## " + TESTED + "'");
        }
        return new CoverageTable(file, rows, proposals, problems);
    }

    private static void readTested(List<String> header, List<String> lines, int from, int end, List<Row> rows,
            List<String> problems) {
        int tests = column(header, "Tests", from, problems);
        int mutants = column(header, "Mutants", from, problems);
        int covered = column(header, "Covered", from, problems);
        if (tests < 0 || mutants < 0 || covered < 0) {
            return;
        }
        for (int k = from + 2; k < end; k++) {
            int lineNumber = k + 1;
            List<String> cells = cells(lines.get(k).strip());
            if (cells.size() != header.size()) {
                problems.add("line " + lineNumber + ": " + cells.size() + " cells, the header has " + header.size());
                continue;
            }
            List<String> named = ticked(cells.get(tests), TEST);
            if (named.isEmpty()) {
                problems.add("line " + lineNumber + ": no test named as `ClassName#method` in the Tests cell");
            }
            String mutantCell = cells.get(mutants);
            List<String> mutantNames = new ArrayList<>();
            if (!mutantCell.equals("none")) {
                Matcher m = TICKED.matcher(mutantCell);
                while (m.find()) {
                    Matcher name = MUTANT.matcher(m.group(1));
                    if (name.matches()) {
                        mutantNames.add(name.group(1));
                    }
                }
                if (mutantNames.isEmpty() || !TICKED.matcher(mutantCell).replaceAll("").replace(",", "").isBlank()) {
                    problems.add("line " + lineNumber + ": the Mutants cell must be `mutants/<name>`, ... or none: "
                            + mutantCell);
                }
            }
            String coveredCell = cells.get(covered);
            if (!coveredCell.equals("yes") && !coveredCell.toLowerCase(Locale.ROOT).startsWith("partly: ")) {
                problems.add("line " + lineNumber + ": the Covered cell must be 'yes' or 'partly: <why>': "
                        + coveredCell);
            }
            rows.add(new Row(lineNumber, named, List.copyOf(mutantNames), coveredCell));
        }
    }

    private static void readProposals(List<String> header, List<String> lines, int from, int end,
            List<Proposal> proposals, List<String> problems) {
        int test = column(header, "Proposed test", from, problems);
        int mutant = column(header, "Proposed mutant", from, problems);
        if (test < 0 || mutant < 0) {
            return;
        }
        for (int k = from + 2; k < end; k++) {
            List<String> cells = cells(lines.get(k).strip());
            if (cells.size() != header.size()) {
                problems.add("line " + (k + 1) + ": " + cells.size() + " cells, the header has " + header.size());
                continue;
            }
            List<String> mutants = new ArrayList<>();
            for (String ticked : ticked(cells.get(mutant), MUTANT)) {
                mutants.add(ticked.substring("mutants/".length()));
            }
            proposals.add(new Proposal(k + 1, ticked(cells.get(test), TEST), List.copyOf(mutants)));
        }
    }

    private static int column(List<String> header, String name, int line, List<String> problems) {
        int index = header.indexOf(name);
        if (index < 0) {
            problems.add("line " + (line + 1) + ": the table has no column '" + name + "': " + header);
        }
        return index;
    }

    /** The cells of a table line, without the empty ones outside its first and last {@code |}. */
    private static List<String> cells(String line) {
        String inner = line.substring(1);
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** What stands in backticks in {@code cell} and matches {@code shape} as a whole. */
    private static List<String> ticked(String cell, Pattern shape) {
        List<String> found = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            if (shape.matcher(m.group(1)).matches()) {
                found.add(m.group(1));
            }
        }
        return List.copyOf(found);
    }
}

package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps every exercise's {@code exercises/<id>/coverage.md} true to the course: the table of which test
 * checks each sentence of the statement (the format is described in {@link CoverageTable}) must name
 * tests of that exercise's suite and mutants of that exercise that exist, every mutant named in a row
 * must fail one of that row's tests (its {@code mutant.json}'s {@code mustFail}), and every test of the
 * suite must stand in some row, so that each one says which sentence it is for. A test or mutant that
 * "Not yet tested" proposes by name must not exist yet: once it does, its row belongs in "Tested".
 *
 * <p>It reads files and the course catalog only, and grades nothing.
 */
class CoverageTablesTest {

    private static final Path EXERCISES = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath()
            .normalize().resolve("exercises");

    private static final Map<String, CoverageTable> TABLES = new LinkedHashMap<>();
    private static final Map<String, Set<String>> SUITES = new LinkedHashMap<>();

    @BeforeAll
    static void readTheCourse() throws IOException {
        assertThat(EXERCISES).as("the course's exercises folder").isDirectory();
        for (Exercise exercise : Catalog.load().exercises()) {
            Set<String> tests = new HashSet<>();
            for (PlannedTest test : exercise.tests()) {
                tests.add(test.id());
            }
            SUITES.put(exercise.id(), tests);
            Path file = EXERCISES.resolve(exercise.id()).resolve("coverage.md");
            if (Files.isRegularFile(file)) {
                TABLES.put(exercise.id(), CoverageTable.read(file));
            }
        }
    }

    @Test
    void everyExerciseHasACoverageTableInTheDocumentedFormat() {
        List<String> problems = new ArrayList<>();
        for (String id : SUITES.keySet()) {
            CoverageTable table = TABLES.get(id);
            if (table == null) {
                problems.add(id + ": exercises/" + id + "/coverage.md is missing");
                continue;
            }
            table.problems().forEach(p -> problems.add(id + "/coverage.md " + p));
            if (table.rows().isEmpty()) {
                problems.add(id + "/coverage.md: no row under '## Tested'");
            }
        }
        assertThat(problems).as("coverage tables that cannot be read (format: see CoverageTable)").isEmpty();
    }

    @Test
    void everyTestAndMutantNamedInARowExistsAndEveryMutantFailsOneOfItsRowsTests() {
        assertNoProblems("tests and mutants named in the coverage tables", (id, table, problems) -> {
            for (CoverageTable.Row row : table.rows()) {
                String where = id + "/coverage.md line " + row.line() + ": ";
                for (String test : row.tests()) {
                    if (!SUITES.get(id).contains(test)) {
                        problems.add(where + "no test " + test + " in the suite of " + id);
                    }
                }
                for (String mutant : row.mutants()) {
                    List<String> mustFail = mustFail(id, mutant);
                    if (mustFail == null) {
                        problems.add(where + "no mutant exercises/" + id + "/mutants/" + mutant);
                    } else if (row.tests().stream().noneMatch(mustFail::contains)) {
                        problems.add(where + "mutants/" + mutant + " must fail none of the row's tests " + row.tests()
                                + " (its mustFail: " + mustFail + "), so it shows nothing about this sentence");
                    }
                }
            }
        });
    }

    @Test
    void everyTestOfASuiteStandsInSomeRow() {
        assertNoProblems("tests that no coverage table row names", (id, table, problems) -> {
            Set<String> named = new HashSet<>();
            table.rows().forEach(row -> named.addAll(row.tests()));
            SUITES.get(id).stream().filter(test -> !named.contains(test)).sorted()
                    .forEach(test -> problems.add(id + ": " + test + " is in no row of coverage.md: which sentence"
                            + " of the statement does it check?"));
        });
    }

    @Test
    void whatNotYetTestedProposesByNameDoesNotExistYet() {
        assertNoProblems("proposals of the coverage tables that were carried out", (id, table, problems) -> {
            for (CoverageTable.Proposal proposal : table.proposals()) {
                String where = id + "/coverage.md line " + proposal.line() + ": ";
                proposal.tests().stream().filter(SUITES.get(id)::contains)
                        .forEach(test -> problems.add(where + test + " exists now: move the row to '## Tested'"));
                proposal.mutants().stream().filter(mutant -> mustFail(id, mutant) != null).forEach(mutant ->
                        problems.add(where + "mutants/" + mutant + " exists now: move the row to '## Tested'"));
            }
        });
    }

    /** What a check finds wrong in one exercise's table, in words. */
    @FunctionalInterface
    private interface TableCheck {
        void collect(String id, CoverageTable table, List<String> problems);
    }

    /** Runs {@code check} over every exercise's table and fails with everything it found, as {@code what}. */
    private static void assertNoProblems(String what, TableCheck check) {
        List<String> problems = new ArrayList<>();
        TABLES.forEach((id, table) -> check.collect(id, table, problems));
        assertThat(problems).as(what).isEmpty();
    }

    /** The {@code mustFail} of {@code exercises/<id>/mutants/<name>/mutant.json}; null when there is no such mutant. */
    private static List<String> mustFail(String id, String name) {
        Path json = EXERCISES.resolve(id).resolve("mutants").resolve(name).resolve("mutant.json");
        if (!Files.isRegularFile(json)) {
            return null;
        }
        try {
            return List.copyOf(new ObjectMapper().readValue(json.toFile(), MutantFile.class).mustFail());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
    }

    record MutantFile(String mistake, List<String> mustFail) {}
}

package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTableTest {
    @TempDir
    Path dir;

    private CoverageTable read(String markdown) throws IOException {
        Path file = dir.resolve("coverage.md");
        Files.writeString(file, markdown);
        return CoverageTable.read(file);
    }

    @Test
    void readsTheTestsMutantsAndCoverageOfEachRowAndTheNamesProposed() throws IOException {
        CoverageTable table = read("""
                # x: which test checks each sentence

                Prose with a | bar and `ATest#notARow` is free.

                ## Tested

                | # | Sentence | Tests | How | Mutants | Covered |
                |---|----------|-------|-----|---------|---------|
                | 1 | "`a()` does `b`" | `ATest#one`, `ATest#two` (and `helper`) | latch | `mutants/first`, `mutants/second-one` | yes |
                | 2 | "c" | `BTest#three` | held tasks | none | partly: why |

                ## Not yet tested

                | # | Sentence | Proposed test | Proposed mutant |
                |---|----------|---------------|-----------------|
                | N1 | "d" | `ATest#later`: what it does | `mutants/later`, or `not-a-mutant-name` |
                """);

        assertThat(table.problems()).isEmpty();
        assertThat(table.rows()).extracting(CoverageTable.Row::line).containsExactly(9, 10);
        assertThat(table.rows().get(0).tests()).containsExactly("ATest#one", "ATest#two");
        assertThat(table.rows().get(0).mutants()).containsExactly("first", "second-one");
        assertThat(table.rows().get(1).mutants()).isEmpty();
        assertThat(table.rows().get(1).covered()).isEqualTo("partly: why");
        assertThat(table.proposals()).singleElement().satisfies(p -> {
            assertThat(p.tests()).containsExactly("ATest#later");
            assertThat(p.mutants()).containsExactly("later");
        });
    }

    @Test
    void saysWhatIsWrongWithARowOrATable() throws IOException {
        CoverageTable table = read("""
                ## Tested

                | # | Tests | Mutants | Covered |
                |---|-------|---------|---------|
                | 1 | no test here | none | yes |
                | 2 | `ATest#one` | mutants/unticked | yes |
                | 3 | `ATest#one` | none | mostly |
                | 4 | `ATest#one` | none |

                ## Not yet tested

                | # | Sentence | Proposed mutant |
                |---|----------|-----------------|
                """);

        assertThat(table.problems()).containsExactly(
                "line 5: no test named as `ClassName#method` in the Tests cell",
                "line 6: the Mutants cell must be `mutants/<name>`, ... or none: mutants/unticked",
                "line 7: the Covered cell must be 'yes' or 'partly: <why>': mostly",
                "line 8: 3 cells, the header has 4",
                "line 12: the table has no column 'Proposed test': [#, Sentence, Proposed mutant]");
    }

    @Test
    void aFileWithoutATestedTableIsAProblem() throws IOException {
        assertThat(read("# nothing here\n").problems()).containsExactly("no table under a heading '## Tested'");
    }
}

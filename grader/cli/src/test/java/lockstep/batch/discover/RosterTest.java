package lockstep.batch.discover;

import static lockstep.batch.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {
    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsInAnyColumnOrderAndMatchesIdsWithoutCase() throws IOException {
        Path csv = write(dir, "roster.csv", "\uFEFFSection,E-mail,Name,SIS User ID,Student ID,Notes\r\n"
                + "\"A, morning\",jane@example.edu,\"Doe, Jane \"\"JD\"\"\",S-1,JDoe,\"two\nlines\"\r\n"
                + "B,bob@example.edu,Bob Ray,,bray,\r\n");

        Roster roster = Roster.read(csv);

        assertThat(roster.find("jdoe")).contains(new RosterEntry("JDoe", "Doe, Jane \"JD\"", "jane@example.edu", "S-1", null, "A, morning"));
        assertThat(roster.find("BRAY").orElseThrow().sisUserId()).isNull();
        assertThat(roster.entries()).extracting(RosterEntry::id).containsExactly("JDoe", "bray");
        assertThat(roster.notes()).isEmpty();
    }

    @Test
    void aCanvasGradebookExportIsARoster() throws IOException {
        Path csv = write(dir, "canvas.csv", "Student,ID,SIS User ID,SIS Login ID,Section,Lab 1 (123)\n"
                + "    Points Possible,,,,,10\n"
                + "\"Doe, Jane\",1001,S1,jdoe,Sec 1,9\n");

        Roster roster = Roster.read(csv);

        assertThat(roster.find("1001")).contains(new RosterEntry("1001", "Doe, Jane", null, "S1", "jdoe", "Sec 1"));
        assertThat(roster.entries()).hasSize(1);
        assertThat(roster.notes()).singleElement().asString().contains("has no id");
    }

    @Test
    void duplicatesAreNotedAndTheFirstKept() throws IOException {
        Roster roster = Roster.read(write(dir, "r.csv", "id,name\na,First\nA,Second\n"));

        assertThat(roster.find("a").orElseThrow().name()).isEqualTo("First");
        assertThat(roster.notes()).singleElement().asString().contains("twice");
    }

    @Test
    void aRosterWithoutAnIdColumnOrThatIsMissingIsRefusedInPlainWords() throws IOException {
        Path noId = write(dir, "r.csv", "name,email\nJane,j@x\n");

        assertThatThrownBy(() -> Roster.read(noId)).isInstanceOf(Roster.RosterException.class).hasMessageContaining("no id column");
        assertThatThrownBy(() -> Roster.read(dir.resolve("none.csv"))).isInstanceOf(Roster.RosterException.class)
                .hasMessageContaining("cannot read");
        assertThat(Roster.empty().find("x")).isEmpty();
    }
}

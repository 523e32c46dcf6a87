package lockstep.batch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writesWholeFilesReplacesThemAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("a/b/summary.json");

        AtomicFiles.write(file, "first");
        AtomicFiles.write(file, "second");

        assertThat(file).hasContent("second");
        assertThat(entries(file.getParent())).isEqualTo(1);
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path target = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(target.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicFiles.write(target, "text")).isInstanceOf(IOException.class);

        assertThat(target).isDirectory();
        assertThat(entries(dir)).isEqualTo(1);
    }

    @Test
    void sweepRemovesOnlyTheBatchsOwnTemporaryFiles() throws IOException {
        Path students = Files.createDirectories(dir.resolve("students/alice"));
        Files.writeString(students.resolve(".lockstep-123.tmp"), "half");
        Files.writeString(dir.resolve(".lockstep-9.tmp"), "half");
        Files.writeString(students.resolve("results.json"), "{}");
        Files.writeString(students.resolve(".other.tmp"), "not ours");

        AtomicFiles.sweep(dir);

        assertThat(students.resolve(".lockstep-123.tmp")).doesNotExist();
        assertThat(dir.resolve(".lockstep-9.tmp")).doesNotExist();
        assertThat(students.resolve("results.json")).exists();
        assertThat(students.resolve(".other.tmp")).exists();
    }

    @Test
    void studentFoldersAreSafeFileNamesAndDistinctForDistinctIds() {
        assertThat(StudentFiles.folderName("alice")).isEqualTo("alice");
        assertThat(StudentFiles.folderName("jane@example.edu")).isEqualTo("jane@example.edu");
        assertThat(StudentFiles.folderName("../etc")).startsWith("_.._etc-").doesNotContain("/");
        assertThat(StudentFiles.folderName("a b")).isNotEqualTo(StudentFiles.folderName("a_b"));
        assertThat(StudentFiles.folderName(".hidden")).startsWith("_");
    }
}

package lockstep.engine.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderTest {
    @TempDir
    Path dir;

    @Test
    void findsClassesByTheirPackageLineWhateverTheLayout() throws IOException {
        write("deep/nested/Workers.java", "/* package ch10.wrong; */\n// package ch10.wrong;\npackage ch10.spawn;\nclass Workers {}");
        write("Flat.java", "package   ch10 . mutex ;\nclass Flat {}");
        write("NoPackage.java", "class NoPackage {}");

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.inPackage("ch10.spawn")).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.inPackage("ch10.mutex")).extracting(SourceFile::path).containsExactly("Flat.java");
        assertThat(submission.inPackage("")).extracting(SourceFile::className).containsExactly("NoPackage");
    }

    @Test
    void setsAsideTheLearnersOwnTestsWithANote() throws IOException {
        write("src/main/java/ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        write("src/test/java/ch10/spawn/MyWorkersTest.java", "package ch10.spawn; class MyWorkersTest {}");

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.sources()).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.notes()).singleElement().asString().contains("MyWorkersTest.java", "not graded");
    }

    @Test
    void skipsASourceOverTheSizeCapWithoutReadingItWhole() throws IOException {
        write("Big.java", "package ch10.spawn; class Big {}\n" + "//".repeat(SubmissionReader.MAX_FILE_BYTES));

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.sources()).isEmpty();
        assertThat(submission.notes()).singleElement().asString().contains("Big.java", "larger than");
    }

    @Test
    void readsAZipInMemoryAndRefusesPathsThatLeaveIt() throws IOException {
        Path zip = dir.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "work/ch10/mutex/Mutex.java", "package ch10.mutex; public final class Mutex<T> {}");
            entry(out, "../escape/Evil.java", "package ch10.mutex; class Evil {}");
        }

        Submission submission = SubmissionReader.read(zip);

        assertThat(submission.inPackage("ch10.mutex")).extracting(SourceFile::className).containsExactly("Mutex");
        assertThat(submission.notes()).singleElement().asString().contains("Evil.java", "leaves the submission");
        assertThat(dir.getParent().resolve("escape")).doesNotExist();
    }

    @Test
    void aPathThatIsNeitherFolderNorZipIsAnError() {
        assertThatThrownBy(() -> SubmissionReader.read(dir.resolve("nothing-here")))
                .isInstanceOf(IOException.class).hasMessageContaining("expected a folder or a .zip");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream stream = out;
        stream.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}

package lockstep.batch;

import static lockstep.batch.Files2.counter;
import static lockstep.batch.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import lockstep.batch.discover.Found;
import lockstep.batch.discover.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
    @TempDir
    Path dir;

    private String hash(Path folder) throws IOException {
        return ContentHash.of(Found.whole("k", List.of(Student.of("s")), folder));
    }

    @Test
    void dependsOnEveryFilesPathAndBytesButNotOnGitOrWhereTheFolderIs() throws IOException {
        write(dir, "a/ch10/mutex/Counter.java", counter(""));
        write(dir, "b/ch10/mutex/Counter.java", counter(""));
        String a = hash(dir.resolve("a"));

        assertThat(a).startsWith("sha256:").isEqualTo(hash(dir.resolve("b")));
        write(dir, "b/.git/FETCH_HEAD", "moved");
        assertThat(hash(dir.resolve("b"))).isEqualTo(a);
        write(dir, "b/ch10/mutex/Counter.java", counter("int x;"));
        assertThat(hash(dir.resolve("b"))).isNotEqualTo(a);
        write(dir, "c/ch10/mutex/Other.java", counter(""));
        assertThat(hash(dir.resolve("c"))).as("same bytes, other path").isNotEqualTo(a);
        write(dir, "d/ch10/mutex/Counter.java", counter(""));
        write(dir, "d/ch10/mutex/Empty.java", "");
        assertThat(hash(dir.resolve("d"))).as("an empty file more").isNotEqualTo(a);
    }

    @Test
    void gatheredFilesHashByTheirNamesInTheGatheredFolder() throws IOException {
        Path one = write(dir, "x_1_2_Counter.java", counter(""));
        Path two = write(dir, "y_1_3_Counter.java", counter(""));
        TreeMap<String, Path> first = new TreeMap<>();
        first.put("Counter.java", one);
        TreeMap<String, Path> second = new TreeMap<>();
        second.put("Counter.java", two);
        second.put("Extra.java", two);

        write(dir, "g/Counter.java", counter(""));
        assertThat(ContentHash.of(Found.files("k", List.of(Student.of("s")), first)))
                .as("the same as the folder they are gathered into").isEqualTo(hash(dir.resolve("g")));
        assertThat(ContentHash.of(Found.files("k", List.of(Student.of("s")), first)))
                .isNotEqualTo(ContentHash.of(Found.files("k", List.of(Student.of("s")), second)));
    }
}

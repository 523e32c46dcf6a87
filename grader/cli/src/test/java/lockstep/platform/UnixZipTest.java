package lockstep.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip's entries carry their Unix modes, read back by the JDK's own zip file system. */
class UnixZipTest {
    @TempDir
    Path dir;

    @Test
    void eachEntryKeepsItsModeAndItsFoldersAreAdded() throws Exception {
        UnixZip zip = new UnixZip();
        zip.file("run_autograder", "#!/usr/bin/env bash\n".getBytes(StandardCharsets.UTF_8), 0755);
        zip.file("lockstep/grader/jdk.sh", "x\n".getBytes(StandardCharsets.UTF_8), 0644);
        Path file = dir.resolve("a.zip");
        Files.write(file, zip.bytes());

        try (FileSystem read = FileSystems.newFileSystem(file, Map.of("enablePosixFileAttributes", "true"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(read.getPath("run_autograder")))).isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(read.getPath("lockstep/grader/jdk.sh")))).isEqualTo("rw-r--r--");
            assertThat(Files.isDirectory(read.getPath("lockstep/grader"))).isTrue();
            assertThat(Files.readString(read.getPath("run_autograder"))).isEqualTo("#!/usr/bin/env bash\n");
        }
    }

    @Test
    void refusesNamesThatLeaveTheZipOrRepeat() {
        UnixZip zip = new UnixZip();
        zip.file("a", new byte[0], 0644);
        for (String name : List.of("a", "/etc/passwd", "../x", "folder/")) {
            assertThatThrownBy(() -> zip.file(name, new byte[0], 0644)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void settingsAreWrittenAsAssignmentsTheEnvironmentOverrides() {
        String conf = new GradescopePackage.Settings(List.of("mutex", "bank"), "off", true, 2.0).conf();
        assertThat(conf).contains(": \"${LOCKSTEP_EXERCISES=mutex bank}\"", ": \"${LOCKSTEP_SANDBOX=off}\"",
                ": \"${LOCKSTEP_LEARNER_OUTPUT=true}\"", "export LOCKSTEP_SLACK=\"${LOCKSTEP_SLACK-2.0}\"");
        assertThatThrownBy(() -> new GradescopePackage.Settings(List.of("mutex; rm -rf /"), "auto", false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

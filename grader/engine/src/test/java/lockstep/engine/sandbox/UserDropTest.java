package lockstep.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lockstep.engine.Installation;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDropTest {
    @TempDir
    Path dir;

    @Test
    void aGraderRunningAsRootStartsTheSandboxAsNobodyOnTheHost() throws Exception {
        UserDrop drop = UserDrop.forThisProcess();
        assumeTrue(drop.active(), "the grader is not root here, or setpriv is missing");
        assumeTrue(nobodyCanUseBwrap(drop), "this machine does not let nobody make a user namespace with bwrap");
        Sandbox sandbox = Detection.forTestJvms(SandboxMode.AUTO, Installation.currentJava(), List.of());
        assertThat(sandbox.description().summary()).contains("user nobody, on the host too");
        String seconds = "31." + System.nanoTime() % 1_000_000;

        try (Confined confined = sandbox.start(new Sandbox.Launch(List.of("/usr/bin/sleep", seconds),
                Installation.currentJava(), List.of(), dir, Map.of("LANG", "C.UTF-8")))) {
            Optional<ProcessHandle> sleep = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                    () -> confined.process().descendants().filter(p -> p.info().command().orElse("").endsWith("/sleep")).findFirst(),
                    Optional::isPresent);

            assertThat(sleep.get().info().user()).as("the confined process's user, seen from the host").contains("nobody");
        }
    }

    /** Whether bwrap, started as nobody, can make the user namespace it needs: the machine's say, not ours. */
    private static boolean nobodyCanUseBwrap(UserDrop drop) throws Exception {
        List<Path> bwrap = Detection.candidates(System.getenv("PATH")).stream().filter(Files::isExecutable).toList();
        if (bwrap.isEmpty()) {
            return false;
        }
        List<String> command = new java.util.ArrayList<>(drop.prefix());
        command.addAll(List.of(bwrap.get(0).toString(), "--unshare-user", "--ro-bind", "/", "/", "/bin/true"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readNBytes(2000);
        return process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Test
    void whatNobodyCannotReachIsRunWithoutTheDrop() throws Exception {
        Path closed = Files.createDirectories(dir.resolve("closed/inner"));
        Files.setPosixFilePermissions(dir.resolve("closed"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assumeTrue(UserDrop.readableByOthers(dir), "the test's own temporary folder is not reachable by others here");

        assertThat(UserDrop.readableByOthers(open)).isTrue();
        assertThat(UserDrop.readableByOthers(closed)).as("a folder under one others cannot enter").isFalse();
        assertThat(UserDrop.readableByOthers(dir.resolve("closed"))).isFalse();
        assertThat(UserDrop.readableByOthers(dir.resolve("missing"))).as("nothing to bind").isTrue();
    }

    @Test
    void theGradersFoldersAreOpenedForReadingOnly() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/ch10/mutex"));
        Path file = Files.writeString(classes.resolve("Counter.class"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwx------"));

        OthersAccess.openTree(dir.resolve("classes"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw----r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(classes))).isEqualTo("rwx---r-x");
    }
}

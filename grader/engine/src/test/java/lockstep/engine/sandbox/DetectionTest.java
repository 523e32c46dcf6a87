package lockstep.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.Installation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
    @TempDir
    Path dir;

    @Test
    void withoutBwrapTheSandboxIsOffWithTheReason() {
        Sandbox sandbox = Detection.detect(SandboxMode.AUTO, Installation.currentJava(), List.of(dir.resolve("bwrap")));

        assertThat(sandbox.description().active()).isFalse();
        assertThat(sandbox.description().summary()).startsWith("off: bwrap not found");
        assertThat(sandbox.workDir(dir)).isEqualTo(dir);
    }

    @Test
    void aBwrapThatCannotConfineHereIsOffWithItsOwnWords() throws Exception {
        Path fake = dir.resolve("bwrap");
        java.nio.file.Files.writeString(fake, "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n");
        fake.toFile().setExecutable(true);

        Sandbox sandbox = Detection.detect(SandboxMode.AUTO, Installation.currentJava(), List.of(fake));

        assertThat(sandbox.description().active()).isFalse();
        assertThat(sandbox.description().summary())
                .isEqualTo("off: bwrap cannot confine a process here: exit code 1: bwrap: setting up uid map: Permission denied");
    }

    @Test
    void requiredWithoutBwrapRefusesWithTheReason() {
        assertThatThrownBy(() -> Detection.detect(SandboxMode.REQUIRED, Installation.currentJava(), List.of(dir.resolve("bwrap"))))
                .isInstanceOf(SandboxUnavailableException.class).hasMessageContaining("bwrap not found");
    }

    @Test
    void offNeverLooksForBwrap() {
        Sandbox sandbox = Detection.detect(SandboxMode.OFF, Installation.currentJava(), List.of(Path.of("/usr/bin/bwrap")));

        assertThat(sandbox.description().summary()).isEqualTo("off: --sandbox=off was given");
    }

    @Test
    void looksOnThePathThenInUsrBin() {
        assertThat(Detection.candidates("/a:/b")).containsExactly(Path.of("/a/bwrap"), Path.of("/b/bwrap"), Path.of("/usr/bin/bwrap"));
        assertThat(Detection.candidates(null)).containsExactly(Path.of("/usr/bin/bwrap"));
    }

    @Test
    void limitsSayWhatTheyAreOrWhyThereAreNone() {
        Limits limits = Limits.probe(Detection.MAX_PIDS, Detection.MAX_MEMORY_BYTES);

        assertThat(limits.description()).matches(limits.active() ? "cgroup v1: .*pids " + Detection.MAX_PIDS + ".*" : "unavailable: .+");
    }
}

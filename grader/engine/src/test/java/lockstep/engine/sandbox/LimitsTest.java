package lockstep.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lockstep.engine.Installation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup limits, where this machine lets the grader make cgroups; skipped elsewhere. */
@Timeout(60)
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void aForkBombStopsAtThePidsLimitAndCloseKillsItsOrphansEvenWithoutASandbox() throws Exception {
        Limits limits = Limits.probe(32, Detection.MAX_MEMORY_BYTES);
        assumeTrue(limits.active(), limits.description());
        Sandbox unconfined = new Unconfined("test", limits, Host.detect());
        String sleep = "29." + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        // At most 100 sleeps of under 30 s; the shell exits at once, leaving them orphans.
        String bomb = "i=0; while [ $i -lt 100 ]; do sleep " + sleep + " </dev/null >/dev/null 2>&1 & i=$((i+1)); done";

        try (Confined confined = unconfined.start(new Sandbox.Launch(List.of("/bin/sh", "-c", bomb), Installation.currentJava(),
                List.of(), dir, Map.of("PATH", "/usr/bin:/bin")))) {
            confined.process().waitFor(20, TimeUnit.SECONDS);
            long orphans = sleeps(sleep);
            assertThat(orphans).as("sleeps left running by the bomb").isPositive().isLessThan(32);
        }

        assertThat(sleeps(sleep)).as("sleeps after close()").isZero();
    }

    private static long sleeps(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep " + marker)).count();
    }
}

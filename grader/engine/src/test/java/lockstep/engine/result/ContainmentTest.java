package lockstep.engine.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainmentTest {
    @Test
    void aGradingWithoutAnOsSandboxSaysWhyAndOneWithASandboxHasNoReason() {
        Containment off = new Containment(true, true, true, true, Containment.noOsSandbox("--sandbox=off was given"), "none");
        Containment on = new Containment(true, true, true, true, "bubblewrap 0.8.0 (no network but loopback)", "cgroup v2");

        assertThat(off.osSandbox()).isEqualTo("off: --sandbox=off was given");
        assertThat(off.noOsSandboxReason()).contains("--sandbox=off was given");
        assertThat(on.noOsSandboxReason()).isEmpty();
        assertThat(on.osSandboxName()).contains("bubblewrap 0.8.0");
        assertThat(off.osSandboxName()).isEmpty();
    }
}

package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Setup#ansi(boolean, Map)}: the one rule for colours, redrawn lines and cleared screens. */
class SetupTest {

    @Test
    void ansiCodesGoOnlyToATerminalThatUnderstandsThem() {
        assertThat(Setup.ansi(true, Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(Setup.ansi(true, Map.of())).isTrue();
        assertThat(Setup.ansi(false, Map.of("TERM", "xterm-256color"))).as("a pipe or a file").isFalse();
        assertThat(Setup.ansi(true, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void noColorOrACiRunTurnsThemOffButAnEmptyValueDoesNot() {
        assertThat(Setup.ansi(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Setup.ansi(true, Map.of("NO_COLOR", ""))).as("no-color.org: present and not empty").isTrue();
        assertThat(Setup.ansi(true, Map.of("CI", "true"))).isFalse();
        assertThat(Setup.ansi(true, Map.of("CI", ""))).isTrue();
    }
}

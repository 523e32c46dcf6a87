package lockstep.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RoundsTest {

    @Test
    void runsEveryRoundWhenTheyAreQuick() throws Exception {
        List<Integer> numbers = new ArrayList<>();
        // 5 empty rounds against a budget of 10 s: only the count can stop them.
        int ran = Lockstep.rounds(5, Duration.ofSeconds(10)).run(numbers::add);
        assertThat(ran).isEqualTo(5);
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theBudgetStopsSlowRoundsButTheFirstAlwaysRuns() throws Exception {
        // Rounds of 100 ms against a budget of 250 ms: three start (at 0, 100 and 200 ms), never 1,000.
        // The bound leaves seconds for a busy machine, whose slower rounds only mean fewer of them.
        long start = System.nanoTime();
        int ran = Lockstep.rounds(1_000, Duration.ofMillis(250)).run(n -> Thread.sleep(100));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(ran).isBetween(1, (int) (1 + Lockstep.scaled(Duration.ofMillis(250)).toMillis() / 100));
        assertThat(took).isLessThan(Lockstep.scaled(Duration.ofSeconds(5)));
        assertThat(Lockstep.rounds(1_000, Duration.ofNanos(1)).run(n -> Thread.sleep(20))).isEqualTo(1);
    }

    @Test
    void aFailureInALaterRoundSaysWhichRoundAndThatTheOnesBeforeWentRight() {
        AssertionError lost = new AssertionError("expected 40000 but was 39998");
        assertThatThrownBy(() -> Lockstep.rounds(10, Duration.ofSeconds(10)).run(n -> {
            if (n == 4) {
                throw lost;
            }
        })).isInstanceOf(AssertionError.class)
                .hasCause(lost)
                .hasMessageStartingWith("expected 40000 but was 39998\nThis happened in round 4 ")
                .hasMessageContaining("the 3 rounds before it went right");
    }

    @Test
    void aFailureInTheFirstRoundAndOtherExceptionsComeThroughUnchanged() {
        AssertionError first = new AssertionError("wrong at once");
        assertThatThrownBy(() -> Lockstep.rounds(10, Duration.ofSeconds(10)).run(n -> {
            throw first;
        })).isSameAs(first);
        IOException thrown = new IOException("boom");
        assertThatThrownBy(() -> Lockstep.rounds(10, Duration.ofSeconds(10)).run(n -> {
            if (n == 2) {
                throw thrown;
            }
        })).isSameAs(thrown);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> Lockstep.rounds(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lockstep.rounds(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lockstep.rounds(1, null)).isInstanceOf(NullPointerException.class);
    }
}

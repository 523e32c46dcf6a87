package lockstep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import org.junit.jupiter.api.Test;

/** The live line, driven by hand: a clock the test sets and ticks the test makes, so nothing here sleeps. */
class LiveLineTest {
    private static final String ERASE = "\r\u001B[K";
    private static final PlannedTest EXCLUSIVE = new PlannedTest("[engine:junit-jupiter]/[method:exclusive()]", "MutexTest#exclusive",
            "lock is exclusive", 2, "", 10);
    private static final Exercise MUTEX = new Exercise("mutex", "Mutex", "ch10.mutex", 2, List.of("Mutex"), List.of(), List.of(), 60,
            List.of(), List.of(), List.of(EXCLUSIVE));

    private final StringWriter screen = new StringWriter();
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final LiveLine line = new LiveLine(new PrintWriter(screen), nanos::get, null);

    private void at(double seconds) {
        nanos.set(1_000 + Math.round(seconds * 1e9));
        line.tick();
    }

    @Test
    void aTestIsNamedOnlyOnceItHasRunAFewSecondsThenRedrawnInPlaceAsTheSecondsPassAndErasedWhenItEnds() {
        line.testStarted(MUTEX, EXCLUSIVE, Duration.ofSeconds(10));
        at(1);
        at(2.9);
        assertThat(screen.toString()).as("under %s nothing is drawn", LiveLine.SHOWN_AFTER).isEmpty();

        at(3);
        at(3.5);
        at(4.2);
        assertThat(screen.toString()).isEqualTo(ERASE + "  … mutex: lock is exclusive (running 3 s, limit 10 s)"
                + ERASE + "  … mutex: lock is exclusive (running 4 s, limit 10 s)");

        line.testFinished(MUTEX, EXCLUSIVE);
        at(5);
        assertThat(screen.toString()).endsWith("(running 4 s, limit 10 s)" + ERASE);
    }

    @Test
    void aQuickTestDrawsAndErasesNothing() {
        line.testStarted(MUTEX, EXCLUSIVE, Duration.ofSeconds(10));
        at(0.2);
        line.testFinished(MUTEX, EXCLUSIVE);
        line.exerciseFinished(null);
        line.close();

        assertThat(screen.toString()).isEmpty();
    }

    @Test
    void theNextTestErasesTheLineOfTheOneBeforeAndTheEndOfTheExerciseOrTheLineItself() {
        line.testStarted(MUTEX, EXCLUSIVE, Duration.ofSeconds(10));
        at(3);
        line.testStarted(MUTEX, EXCLUSIVE, Duration.ofMillis(7_500));
        assertThat(screen.toString()).endsWith("(running 3 s, limit 10 s)" + ERASE);
        at(6.9);
        assertThat(screen.toString()).endsWith(ERASE + "  … mutex: lock is exclusive (running 3 s, limit 7.5 s)");

        line.exerciseFinished(null);
        assertThat(screen.toString()).endsWith("limit 7.5 s)" + ERASE);
        line.testStarted(MUTEX, EXCLUSIVE, Duration.ofSeconds(10));
        at(20);
        line.close();
        at(30);
        assertThat(screen.toString()).endsWith("(running 13 s, limit 10 s)" + ERASE);
    }

    @Test
    void aLongNameIsShortenedSoThatTheLineNeverWraps() {
        String text = LiveLine.text("bank: " + "transfer moves the amount ".repeat(5), Duration.ofSeconds(12), Duration.ofSeconds(20));

        assertThat(text).hasSize(LiveLine.WIDTH).startsWith("  … bank: transfer moves the amount transfer").endsWith("… (running 12 s, limit 20 s)");
        assertThat(LiveLine.text("mutex: lock is exclusive", Duration.ofMillis(4_999), Duration.ofSeconds(10)))
                .isEqualTo("  … mutex: lock is exclusive (running 4 s, limit 10 s)");
    }

    @Test
    void offATerminalTheLineIsNeverDrawn() {
        StringWriter file = new StringWriter();
        try (LiveLine off = LiveLine.start(new PrintWriter(file), false)) {
            off.testStarted(MUTEX, EXCLUSIVE, Duration.ofSeconds(10));
            off.testFinished(MUTEX, EXCLUSIVE);
        }
        assertThat(file.toString()).isEmpty();
    }
}

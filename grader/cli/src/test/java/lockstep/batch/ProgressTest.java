package lockstep.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plainLinesWhenNotOnATerminal() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text), false, now::get);

        progress.start(4);
        progress.tick();
        now.set(10 * SECOND);
        progress.finished("alice: 27/27", false);
        now.set(20 * SECOND);
        progress.finished("bob: the grader failed: boom", true);
        progress.end();

        assertThat(text.toString().lines().toList()).containsExactly(
                "[1/4] 0 failed, elapsed 0:10, left ~0:30  alice: 27/27",
                "[2/4] 1 failed, elapsed 0:20, left ~0:20  bob: the grader failed: boom");
        assertThat(text.toString()).doesNotContain("\r", "\u001B");
    }

    @Test
    void oneRedrawnLineOnATerminalWithFailuresAboveIt() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text), true, now::get);

        progress.start(2);
        now.set(5 * SECOND);
        progress.finished("bob: the grader failed: boom", true);
        progress.end();

        assertThat(text.toString()).isEqualTo("\r\u001B[K[0/2] 0 failed, elapsed 0:00, left ?"
                + "\r\u001B[Kbob: the grader failed: boom\n"
                + "\r\u001B[K[1/2] 1 failed, elapsed 0:05, left ~0:05\n");
    }

    @Test
    void clockReadsAsPeopleWriteDurations() {
        assertThat(Progress.clock(0)).isEqualTo("0:00");
        assertThat(Progress.clock(725 * SECOND)).isEqualTo("12:05");
        assertThat(Progress.clock(3723 * SECOND)).isEqualTo("1:02:03");
    }
}

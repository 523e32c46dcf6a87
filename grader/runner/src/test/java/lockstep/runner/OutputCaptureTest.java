package lockstep.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import lockstep.runner.protocol.Event;
import org.junit.jupiter.api.Test;

/** What the capture keeps of a test's output: its last bytes, and how many came before them. */
class OutputCaptureTest {
    @Test
    void outputWithinTheCapIsKeptWhole() {
        OutputCapture capture = new OutputCapture(16);
        capture.write("hello\n".getBytes(StandardCharsets.UTF_8), 0, 6);
        capture.write('!');

        assertThat(capture.take()).isEqualTo(new Event.Output("hello\n!", 0));
        assertThat(capture.take()).isEqualTo(new Event.Output("", 0));
    }

    @Test
    void beyondTheCapTheLastBytesAreKeptAndTheEarlierOnesCounted() {
        OutputCapture capture = new OutputCapture(10);
        for (int i = 0; i < 1000; i++) {
            byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.UTF_8);
            capture.write(line, 0, line.length);
        }
        long printed = 0;
        for (int i = 0; i < 1000; i++) {
            printed += ("line " + i + "\n").length();
        }

        Event.Output output = capture.take();

        assertThat(output.text()).isEqualTo("\nline 999\n");
        assertThat(output.droppedBytes()).isEqualTo(printed - 10);
    }

    @Test
    void oneWriteLargerThanTheCapKeepsItsEnd() {
        OutputCapture capture = new OutputCapture(4);
        capture.write("ab".getBytes(StandardCharsets.UTF_8), 0, 2);
        capture.write("0123456789".getBytes(StandardCharsets.UTF_8), 2, 8);

        assertThat(capture.take()).isEqualTo(new Event.Output("6789", 6));
    }

    @Test
    void byteByByteFloodsKeepTheLastBytes() {
        OutputCapture capture = new OutputCapture(3);
        for (char c : "abcdefghij".toCharArray()) {
            capture.write(c);
        }

        assertThat(capture.take()).isEqualTo(new Event.Output("hij", 7));
    }

    @Test
    void aCharacterSplitByTheCutIsLeftOutWholeAndCounted() {
        OutputCapture capture = new OutputCapture(5);
        byte[] text = "xxé€!".getBytes(StandardCharsets.UTF_8); // x x (2 bytes) (3 bytes) ! = 8 bytes
        capture.write(text, 0, text.length);

        Event.Output output = capture.take();

        assertThat(output.text()).isEqualTo("€!");
        assertThat(output.droppedBytes()).isEqualTo(4);
    }

    @Test
    void aCapOfZeroKeepsNothing() {
        OutputCapture capture = new OutputCapture(0);
        capture.write("abc".getBytes(StandardCharsets.UTF_8), 0, 3);
        capture.write('d');

        assertThat(capture.take()).isEqualTo(new Event.Output("", 4));
    }
}

package lockstep.runner;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import lockstep.runner.protocol.Event;

/**
 * Keeps the last bytes of what the code under test prints, up to a cap, for the test that is running
 * now: the last lines before a failure say the most.
 *
 * <p>Bytes before those are counted, not kept, so a flood of output costs neither memory nor time in
 * the grader: the buffer holds at most twice the cap, and is cut back to the cap when full.
 */
final class OutputCapture extends OutputStream {
    private final int cap;
    private byte[] buffer = new byte[256];
    private int size;
    private long dropped;

    OutputCapture(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (cap == 0) {
            dropped++;
            return;
        }
        if (size == 2 * cap) {
            keepLast(cap);
        }
        ensure(size + 1);
        buffer[size++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len >= cap) {
            // Only the end of this write can be kept: whatever came before it goes too.
            dropped += size + (len - cap);
            size = 0;
            off += len - cap;
            len = cap;
        } else if (size + len > 2 * cap) {
            keepLast(cap - len);
        }
        ensure(size + len);
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    /** What was printed since the last call (its last bytes, from a whole character on), and resets. */
    synchronized Event.Output take() {
        if (size > cap) {
            keepLast(cap);
        }
        int start = 0;
        if (dropped > 0) {
            // The cut may have split a character: start at the next byte that begins one.
            while (start < size && (buffer[start] & 0xC0) == 0x80) {
                start++;
            }
        }
        Event.Output output = new Event.Output(new String(buffer, start, size - start, StandardCharsets.UTF_8), dropped + start);
        size = 0;
        dropped = 0;
        if (buffer.length > 4096) {
            buffer = new byte[256];
        }
        return output;
    }

    /** Drops all but the last {@code keep} bytes kept so far. */
    private void keepLast(int keep) {
        int cut = size - Math.max(0, keep);
        if (cut > 0) {
            System.arraycopy(buffer, cut, buffer, 0, size - cut);
            size -= cut;
            dropped += cut;
        }
    }

    private void ensure(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(2 * cap, Math.max(needed, buffer.length * 2)));
        }
    }
}

package lockstep.runner;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import lockstep.runner.protocol.Event;

/**
 * Keeps what the code under test prints, up to a cap, for the test that is running now.
 *
 * <p>Bytes beyond the cap are counted, not kept, so a flood of output costs neither memory
 * nor time in the grader.
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
        if (size < cap) {
            ensure(size + 1);
            buffer[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        int kept = Math.min(len, cap - size);
        if (kept > 0) {
            ensure(size + kept);
            System.arraycopy(b, off, buffer, size, kept);
            size += kept;
        }
        dropped += len - Math.max(kept, 0);
    }

    /** What was printed since the last call, and resets. */
    synchronized Event.Output take() {
        Event.Output output = new Event.Output(new String(buffer, 0, size, StandardCharsets.UTF_8), dropped);
        size = 0;
        dropped = 0;
        if (buffer.length > 4096) {
            buffer = new byte[256];
        }
        return output;
    }

    private void ensure(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(cap, Math.max(needed, buffer.length * 2)));
        }
    }
}

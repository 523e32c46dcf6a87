package lockstep.runner;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import lockstep.runner.protocol.Event;
import lockstep.runner.protocol.Wire;

/** Writes events to the grader, one whole event at a time, from any thread. */
final class EventSink {
    private final DataOutputStream out;

    EventSink(DataOutputStream out) {
        this.out = out;
    }

    synchronized void send(Event event) {
        try {
            Wire.write(out, event);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("lost the connection to the grader", e);
        }
    }

    synchronized void close() {
        send(new Event.End());
    }
}

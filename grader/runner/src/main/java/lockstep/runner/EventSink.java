package lockstep.runner;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import lockstep.runner.protocol.Event;
import lockstep.runner.protocol.Seal;

/** Writes events to the grader, sealed, one whole event at a time, from any thread. */
final class EventSink {
    private final DataOutputStream out;
    private final Seal seal;

    EventSink(DataOutputStream out, Seal seal) {
        this.out = out;
        this.seal = seal;
    }

    synchronized void send(Event event) {
        try {
            seal.write(out, event);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("lost the connection to the grader", e);
        }
    }

    synchronized void close() {
        send(new Event.End());
    }
}

package lockstep.runner.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary form of {@link RunRequest}s and {@link Event}s between grader and runner.
 *
 * <p>Every string is length-prefixed and every length is checked against a cap before anything
 * is allocated, so a child that writes garbage cannot make the grader allocate without end.
 */
public final class Wire {
    /** The longest string either side accepts. */
    public static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_ITEMS = 10_000;
    private static final int MAGIC = 0x4C4B5354; // "LKST"
    /** The byte the grader sends after a request when the tests may start. */
    public static final int GO = 'G';

    private static final byte STARTED = 1;
    private static final byte FINISHED = 2;
    private static final byte TIMED_OUT = 3;
    private static final byte END = 4;
    private static final byte READY = 5;

    private Wire() {}

    /** Writes a request; the caller flushes. */
    public static void write(DataOutputStream out, RunRequest request) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(request.outputCapBytes());
        writeString(out, request.learnerPackage());
        out.writeInt(request.tests().size());
        for (RunRequest.TestToRun test : request.tests()) {
            writeString(out, test.uniqueId());
            out.writeLong(test.limitMillis());
        }
    }

    /** Reads a request written by {@link #write(DataOutputStream, RunRequest)}. */
    public static RunRequest readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Lockstep run request");
        }
        int cap = in.readInt();
        String learnerPackage = readString(in);
        int count = readCount(in);
        List<RunRequest.TestToRun> tests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tests.add(new RunRequest.TestToRun(readString(in), in.readLong()));
        }
        return new RunRequest(tests, cap, learnerPackage);
    }

    /** Writes one event; the caller flushes. */
    public static void write(DataOutputStream out, Event event) throws IOException {
        switch (event) {
            case Event.Started s -> {
                out.writeByte(STARTED);
                writeString(out, s.uniqueId());
            }
            case Event.Finished f -> {
                out.writeByte(FINISHED);
                writeString(out, f.uniqueId());
                out.writeByte(f.outcome().ordinal());
                out.writeBoolean(f.failure().isPresent());
                if (f.failure().isPresent()) {
                    writeFailure(out, f.failure().get());
                }
                writeOutput(out, f.output());
                out.writeLong(f.durationMs());
            }
            case Event.TimedOut t -> {
                out.writeByte(TIMED_OUT);
                writeString(out, t.uniqueId());
                out.writeLong(t.limitMillis());
                writeString(out, t.threadDump());
                writeOutput(out, t.output());
            }
            case Event.End e -> out.writeByte(END);
            case Event.Ready r -> out.writeByte(READY);
        }
    }

    /**
     * Reads the next event.
     *
     * @return empty at a clean end of stream
     * @throws IOException on a malformed or truncated event
     */
    public static Optional<Event> readEvent(DataInputStream in) throws IOException {
        int kind = in.read();
        if (kind < 0) {
            return Optional.empty();
        }
        Event event = switch (kind) {
            case STARTED -> new Event.Started(readString(in));
            case FINISHED -> {
                String id = readString(in);
                int outcome = in.readUnsignedByte();
                if (outcome >= Event.Outcome.values().length) {
                    throw new IOException("unknown outcome " + outcome);
                }
                Optional<Event.Failure> failure = in.readBoolean() ? Optional.of(readFailure(in)) : Optional.empty();
                yield new Event.Finished(id, Event.Outcome.values()[outcome], failure, readOutput(in), in.readLong());
            }
            case TIMED_OUT -> new Event.TimedOut(readString(in), in.readLong(), readString(in), readOutput(in));
            case END -> new Event.End();
            case READY -> new Event.Ready();
            default -> throw new IOException("unknown event kind " + kind);
        };
        return Optional.of(event);
    }

    private static void writeFailure(DataOutputStream out, Event.Failure failure) throws IOException {
        out.writeInt(failure.chain().size());
        for (Event.Thrown thrown : failure.chain()) {
            writeString(out, thrown.type());
            writeString(out, thrown.message());
            out.writeInt(thrown.frames().size());
            for (String frame : thrown.frames()) {
                writeString(out, frame);
            }
        }
    }

    private static Event.Failure readFailure(DataInputStream in) throws IOException {
        int count = readCount(in);
        List<Event.Thrown> chain = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = readString(in);
            String message = readString(in);
            int frameCount = readCount(in);
            List<String> frames = new ArrayList<>(frameCount);
            for (int j = 0; j < frameCount; j++) {
                frames.add(readString(in));
            }
            chain.add(new Event.Thrown(type, message, frames));
        }
        if (chain.isEmpty()) {
            throw new IOException("empty failure");
        }
        return new Event.Failure(chain);
    }

    private static void writeOutput(DataOutputStream out, Event.Output output) throws IOException {
        writeString(out, output.text());
        out.writeLong(output.droppedBytes());
    }

    private static Event.Output readOutput(DataInputStream in) throws IOException {
        return new Event.Output(readString(in), in.readLong());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IOException("string of " + bytes.length + " bytes is over the cap");
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("string length " + length + " is out of range");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int readCount(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new IOException("count " + count + " is out of range");
        }
        return count;
    }

    /** Whether an exception means the stream simply ended mid-event. */
    public static boolean isTruncation(IOException e) {
        return e instanceof EOFException;
    }
}

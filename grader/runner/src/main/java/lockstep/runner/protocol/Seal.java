package lockstep.runner.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the event stream so that nothing but the runner can speak for it: every event travels in
 * a numbered frame with an HMAC-SHA256 under a one-time key that the grader hands the runner on
 * standard input before any learner class is loaded. A frame out of sequence or with a wrong MAC
 * is a {@link TamperedException}.
 *
 * <p>One instance per direction and JVM; not thread-safe (the runner's sink serializes writes).
 */
public final class Seal {
    /** The key's length in bytes. */
    public static final int KEY_BYTES = 32;
    private static final int MAC_BYTES = 32;
    private static final int MAX_FRAME_BYTES = 4 << 20;

    private final Mac mac;
    private long sequence;

    public Seal(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a seal key has " + KEY_BYTES + " bytes");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** A fresh random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Reads the key the grader sends first. */
    public static byte[] readKey(DataInputStream in) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        in.readFully(key);
        return key;
    }

    /** Writes {@code event} as the next sealed frame; the caller flushes. */
    public void write(DataOutputStream out, Event event) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Wire.write(new DataOutputStream(payload), event);
        byte[] bytes = payload.toByteArray();
        long number = sequence++;
        out.writeInt(bytes.length);
        out.writeLong(number);
        out.write(bytes);
        out.write(sign(number, bytes));
    }

    /**
     * Reads and checks the next frame.
     *
     * @return empty at a clean end of stream (between frames)
     * @throws TamperedException when a frame is out of sequence or its MAC is wrong
     * @throws IOException when the stream breaks off inside a frame or a frame is malformed
     */
    public Optional<Event> read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return Optional.empty();
        }
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new TamperedException("a frame of " + length + " bytes");
        }
        long number = in.readLong();
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        byte[] seal = new byte[MAC_BYTES];
        in.readFully(seal);
        if (number != sequence || !MessageDigest.isEqual(seal, sign(number, bytes))) {
            throw new TamperedException(number != sequence
                    ? "frame " + number + " where frame " + sequence + " was due" : "a frame whose seal does not match");
        }
        sequence++;
        Optional<Event> event = Wire.readEvent(new DataInputStream(new java.io.ByteArrayInputStream(bytes)));
        if (event.isEmpty()) {
            throw new TamperedException("an empty frame");
        }
        return event;
    }

    private byte[] sign(long number, byte[] bytes) {
        mac.update(new byte[] {
            (byte) (number >>> 56), (byte) (number >>> 48), (byte) (number >>> 40), (byte) (number >>> 32),
            (byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number});
        return mac.doFinal(bytes);
    }

    /** The event stream was not written by the runner holding the key. */
    public static final class TamperedException extends IOException {
        public TamperedException(String what) {
            super("the event stream was tampered with: " + what);
        }
    }
}

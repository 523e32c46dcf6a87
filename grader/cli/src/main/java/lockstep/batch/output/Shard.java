package lockstep.batch.output;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} disjoint shares of a class ({@code --shard index/count}), so that several
 * machines each grade a share and {@code ./grade merge} joins them. A student belongs to the shard
 * that the hash of their id picks: SHA-256 of the id in lower case (as the batch compares ids),
 * its first eight bytes as a number, modulo {@code count}. It depends on the id alone, never on
 * the order or number of submissions, so every machine that reads the same download agrees on
 * who is whose, whatever the others found.
 *
 * @param index which share, from 1 to {@code count}
 * @param count how many shares, from 1 up
 */
public record Shard(int index, int count) {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, not " + index + "/" + count);
        }
    }

    /** {@code I/N}, as {@code --shard} takes it; empty when it is no such pair. */
    public static Optional<Shard> parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return count >= 1 && index >= 1 && index <= count ? Optional.of(new Shard(index, count)) : Optional.empty();
    }

    /** The shard, from 1 to {@code count}, that student {@code id} belongs to. */
    public static int of(String id, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return (int) Math.floorMod(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong(), (long) count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether student {@code id} is this shard's to grade. */
    public boolean holds(String id) {
        return count == 1 || of(id, count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

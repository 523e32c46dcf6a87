package lockstep.progress;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of {@code hints.json}: how many of each exercise's hints the learner has seen, the
 * first ones in the catalog's order (gentle to specific).
 *
 * @param version the file's shape, {@link #VERSION}
 */
public record HintsShown(int version, Map<String, Integer> shown) {
    public static final int VERSION = 1;

    public HintsShown {
        shown = shown == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(shown));
    }

    public static HintsShown none() {
        return new HintsShown(VERSION, Map.of());
    }

    /** How many hints of {@code exerciseId} were seen: 0 when none. */
    public int of(String exerciseId) {
        return Math.max(0, shown.getOrDefault(exerciseId, 0));
    }

    /** These counts with {@code exerciseId}'s set to {@code count}. */
    public HintsShown with(String exerciseId, int count) {
        Map<String, Integer> changed = new TreeMap<>(shown);
        changed.put(exerciseId, count);
        return new HintsShown(VERSION, changed);
    }
}

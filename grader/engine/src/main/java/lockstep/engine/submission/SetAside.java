package lockstep.engine.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the intake set aside, grouped by why: one note per reason, with a count and the first few
 * paths (in path order, the same on every machine) as examples, however many share it. A submission of 10,000 junk files gets one note, not
 * 10,000, so that the report stays readable and says what matters.
 */
final class SetAside {
    /** How many paths a note names before it only counts the rest. */
    static final int EXAMPLES = 3;

    private final Map<Note.Why, Set<String>> groups = new LinkedHashMap<>();

    /** Sets {@code path} aside for {@code why}; a path given twice for one reason counts once. */
    void add(Note.Why why, String path) {
        groups.computeIfAbsent(why, w -> new TreeSet<>()).add(path);
    }

    /** One note per reason, in the order the reasons first came up. */
    List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        groups.forEach((why, paths) -> notes.add(new Note(why, List.copyOf(paths).subList(0, Math.min(EXAMPLES, paths.size())),
                paths.size())));
        return notes;
    }
}

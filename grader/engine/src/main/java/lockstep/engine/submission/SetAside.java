package lockstep.engine.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private final String verb;
    private final String noun;
    private final Map<Why, Set<String>> groups = new LinkedHashMap<>();

    /**
     * @param verb what the notes say was done, e.g. {@code Skipped}
     * @param noun what a counted path is, in the singular, e.g. {@code file}
     */
    SetAside(String verb, String noun) {
        this.verb = verb;
        this.noun = noun;
    }

    /**
     * Why paths were set aside, phrased for one path and for several.
     *
     * @param one follows "Skipped a/B.java: ", e.g. "it is a link, and links are never followed"
     * @param many follows "Skipped 3 files (…): ", e.g. "they are links, and links are never followed"
     */
    record Why(String one, String many) {
        Why {
            Objects.requireNonNull(one, "one must not be null");
            Objects.requireNonNull(many, "many must not be null");
        }

        /** A reason that reads the same for one path and for several. */
        static Why always(String text) {
            return new Why(text, text);
        }
    }

    /** Sets {@code path} aside for {@code why}; a path given twice for one reason counts once. */
    void add(Why why, String path) {
        groups.computeIfAbsent(why, w -> new TreeSet<>()).add(path);
    }

    /** One note per reason, in the order the reasons first came up. */
    List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        groups.forEach((why, paths) -> notes.add(note(List.copyOf(paths), why)));
        return notes;
    }

    private Note note(List<String> paths, Why why) {
        if (paths.size() == 1) {
            return new Note(verb + " " + paths.get(0) + ": " + why.one() + ".", paths);
        }
        List<String> named = paths.subList(0, Math.min(EXAMPLES, paths.size()));
        String examples = String.join(", ", named) + (paths.size() > EXAMPLES ? ", …" : "");
        return new Note(verb + " " + paths.size() + " " + noun + "s (" + examples + "): " + why.many() + ".", named);
    }
}

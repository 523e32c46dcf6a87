package lockstep.engine.submission;

import java.util.List;
import java.util.Objects;

/**
 * A submission as read: its Java sources and what the reader noticed and set aside.
 *
 * @param origin where it came from, as the user named it
 * @param notes plain-words remarks for the learner, e.g. skipped files
 */
public record Submission(String origin, List<SourceFile> sources, List<String> notes) {
    public Submission {
        Objects.requireNonNull(origin, "origin must not be null");
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }

    /** The sources whose package line names {@code packageName}. */
    public List<SourceFile> inPackage(String packageName) {
        return sources.stream().filter(s -> s.packageName().equals(packageName)).toList();
    }
}

package lockstep.engine.submission;

import java.util.List;
import java.util.Objects;

/**
 * A remark of the intake for the learner, e.g. files it skipped, with the paths it names, so that
 * it can be shown with the exercise whose folder it concerns.
 *
 * @param text one sentence, as the report shows it
 * @param paths the paths of the submission that {@code text} names (for a group, its first few examples)
 */
public record Note(String text, List<String> paths) {
    public Note {
        Objects.requireNonNull(text, "text must not be null");
        paths = List.copyOf(paths);
    }

    /** Whether it names a path in the folder of {@code packageName} (e.g. {@code src/ch10/cache/X.java} for {@code ch10.cache}). */
    public boolean concerns(String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        return paths.stream().anyMatch(path -> path.contains(folder));
    }
}

package lockstep.engine.submission;

import java.util.Collection;
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

    /**
     * One note per source in none of {@code packages} (the course's exercise packages): such a
     * source is never compiled, whatever it is called (a copy of a JUnit class, a helper in a
     * subpackage, a class without a package line).
     */
    public List<String> outsidePackages(Collection<String> packages) {
        String listed = String.join(", ", packages);
        return sources.stream()
                .filter(s -> !packages.contains(s.packageName()))
                .map(s -> "Ignored " + s.path() + ": it declares " + (s.packageName().isEmpty() ? "no package"
                        : "package " + s.packageName()) + "; your classes must be in an exercise's package ("
                        + listed + ").")
                .toList();
    }
}

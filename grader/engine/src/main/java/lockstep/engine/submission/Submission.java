package lockstep.engine.submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A submission as read: its Java sources and what the reader noticed and set aside.
 *
 * @param origin where it came from, as the user named it
 * @param notes remarks for the learner, e.g. skipped files
 * @param fullPackages packages that had more Java files than the reader keeps for one
 *     ({@link SubmissionReader#MAX_FILES_PER_PACKAGE}), so that some of them were skipped
 */
public record Submission(String origin, List<SourceFile> sources, List<Note> notes, Set<String> fullPackages) {
    public Submission {
        Objects.requireNonNull(origin, "origin must not be null");
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        fullPackages = Set.copyOf(fullPackages);
    }

    /** A submission none of whose packages was full. */
    public Submission(String origin, List<SourceFile> sources, List<Note> notes) {
        this(origin, sources, notes, Set.of());
    }

    /** The sources whose package line names {@code packageName}. */
    public List<SourceFile> inPackage(String packageName) {
        return sources.stream().filter(s -> s.packageName().equals(packageName)).toList();
    }

    /**
     * This submission with {@code more} notes after its own.
     */
    public Submission withNotes(List<Note> more) {
        List<Note> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Submission(origin, sources, all, fullPackages);
    }

    /**
     * The notes on sources that sit in the folder of one of {@code packages} (the course's exercise
     * packages) but declare another of them, e.g. {@code ch10/spawn/Workers.java} with
     * {@code package ch10.mutex;}: such a source counts for the exercise of the package it declares,
     * which the learner of the folder's exercise should hear. A flat layout (no package folders) gets no note.
     */
    public List<Note> declaringAnotherPackage(Collection<String> packages) {
        SetAside noted = new SetAside();
        for (SourceFile source : sources) {
            if (!packages.contains(source.packageName())) {
                continue;
            }
            int slash = source.path().lastIndexOf('/');
            String folder = "/" + (slash < 0 ? "" : source.path().substring(0, slash));
            packages.stream()
                    .filter(p -> !p.equals(source.packageName()) && folder.endsWith("/" + p.replace('.', '/')))
                    .findFirst()
                    .ifPresent(p -> noted.add(new Note.Why.DeclaresAnotherPackage(source.packageName(), p), source.path()));
        }
        return noted.notes();
    }

    /**
     * The note, if any, on the sources in none of {@code packages} (the course's exercise packages):
     * such a source is never compiled, whatever it is called (a copy of a JUnit class, a helper in a
     * subpackage, a class without a package line). One source is named with its package; several
     * are counted in one note, with a few named.
     */
    public List<Note> outsidePackages(Collection<String> packages) {
        List<SourceFile> outside = sources.stream().filter(s -> !packages.contains(s.packageName())).toList();
        if (outside.isEmpty()) {
            return List.of();
        }
        Optional<String> declared = outside.size() == 1 ? Optional.of(outside.get(0).packageName()) : Optional.empty();
        Note.Why why = new Note.Why.OutsidePackages(declared, List.copyOf(packages));
        SetAside ignored = new SetAside();
        outside.forEach(s -> ignored.add(why, s.path()));
        return ignored.notes();
    }
}

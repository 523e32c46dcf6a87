package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one {@link Layout} of download: whether a folder looks like it, and the submissions in it. */
interface LayoutReader {
    /** Whether {@code root} looks like this layout, for automatic detection; cheap, reads names only. */
    boolean recognises(Path root) throws IOException;

    /**
     * The submissions in {@code root} and what was left out. Never fails for one bad entry: it
     * becomes a {@link Found#unreadable} submission or a {@link Skipped} entry.
     *
     * @throws IOException only when {@code root} itself cannot be listed
     */
    Discovered read(Path root) throws IOException;

    /**
     * The same, where the course's roster may tell whose each submission is. Most layouts name
     * their students outright and ignore it; GitHub Classroom's repository names do not.
     */
    default Discovered read(Path root, Roster roster) throws IOException {
        return read(root);
    }
}

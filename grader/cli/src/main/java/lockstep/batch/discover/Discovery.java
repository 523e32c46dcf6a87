package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the submissions in a download: tells its {@link Layout} from the names in it (or takes the
 * one given) and lets that layout's reader list them. Checked in this order, most specific first:
 * Gradescope (its metadata file), Moodle and Canvas (their file names), GitHub Classroom (a
 * {@code .git} folder), and else one folder or {@code .zip} per student.
 */
public final class Discovery {
    private static final List<Layout> ORDER = List.of(Layout.GRADESCOPE, Layout.MOODLE, Layout.CANVAS,
            Layout.GITHUB_CLASSROOM, Layout.FOLDERS);

    private Discovery() {}

    /**
     * The submissions in {@code root}.
     *
     * @param layout the layout to read it as; empty to tell it from the names
     * @throws IOException when {@code root} is no folder or cannot be listed
     */
    public static Discovered discover(Path root, Optional<Layout> layout) throws IOException {
        return discover(root, layout, Roster.empty());
    }

    /**
     * The submissions in {@code root}, with the roster's help where the layout's names are
     * ambiguous (a GitHub Classroom login is told from the assignment by the roster's ids).
     *
     * @throws IOException when {@code root} is no folder or cannot be listed
     */
    public static Discovered discover(Path root, Optional<Layout> layout, Roster roster) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.nio.file.NotDirectoryException(root.toString());
        }
        return (layout.isPresent() ? layout.get() : detect(root)).reader().read(root, roster);
    }

    /** The layout {@code root} looks like. */
    public static Layout detect(Path root) throws IOException {
        for (Layout layout : ORDER) {
            if (layout.reader().recognises(root)) {
                return layout;
            }
        }
        return Layout.FOLDERS;
    }
}

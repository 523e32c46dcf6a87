package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One folder or {@code .zip} per student, its name (without {@code .zip}) the student's id: the layout of last resort. */
final class FolderLayout implements LayoutReader {
    @Override
    public boolean recognises(Path root) {
        return true;
    }

    @Override
    public Discovered read(Path root) throws IOException {
        List<Skipped> skipped = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (Path entry : Entries.list(root, root, skipped)) {
            String name = entry.getFileName().toString();
            if (Entries.isFolder(entry)) {
                found.add(Found.whole(name, List.of(Student.of(name)), entry));
            } else if (Entries.isZip(entry)) {
                String id = Entries.stem(name);
                found.add(Found.whole(name, List.of(Student.of(id)), entry));
            } else {
                skipped.add(new Skipped(name, "not a folder or .zip, so no student's submission"));
            }
        }
        return new Discovered(Layout.FOLDERS, found, skipped, List.of());
    }
}

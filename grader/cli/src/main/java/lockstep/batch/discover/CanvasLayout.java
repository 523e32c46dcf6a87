package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Canvas's "Download Submissions": every file a student uploaded, flat, named
 * {@code <name>_<userid>_<submissionid>_<file>} ({@code <name>_LATE_<userid>_...} when late). A
 * student's files are gathered by user id, the student's id, and graded together; a student who
 * uploaded one {@code .zip} is graded on that zip.
 */
final class CanvasLayout implements LayoutReader {
    static final Pattern NAME = Pattern.compile("^([^_]+)(?:_late)?_(\\d+)_(\\d+)_(.+)$", Pattern.CASE_INSENSITIVE);

    @Override
    public boolean recognises(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.anyMatch(p -> Files.isRegularFile(p) && NAME.matcher(p.getFileName().toString()).matches());
        }
    }

    @Override
    public Discovered read(Path root) throws IOException {
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        Map<String, SortedMap<String, Path>> files = new TreeMap<>();
        for (Path entry : Entries.list(root, root, skipped)) {
            String entryName = entry.getFileName().toString();
            Matcher m = NAME.matcher(entryName);
            if (!Files.isRegularFile(entry) || !m.matches()) {
                skipped.add(new Skipped(entryName, "not a file named <name>_<userid>_<submissionid>_<file> as Canvas names submissions"));
                continue;
            }
            String id = m.group(2);
            names.putIfAbsent(id, m.group(1));
            SortedMap<String, Path> own = files.computeIfAbsent(id, k -> new TreeMap<>());
            String file = m.group(4);
            for (int n = 2; own.containsKey(file); n++) {
                file = Entries.stem(m.group(4)) + "-" + n + m.group(4).substring(Entries.stem(m.group(4)).length());
            }
            own.put(file, entry);
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, SortedMap<String, Path>> student : files.entrySet()) {
            String id = student.getKey();
            found.add(Found.files(names.get(id) + "_" + id, List.of(new Student(id, null, null)), student.getValue()));
        }
        return new Discovered(Layout.CANVAS, found, skipped, List.of());
    }
}

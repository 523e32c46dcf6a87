package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Moodle's "Download all submissions": one folder per student,
 * {@code <Full Name>_<id>_assignsubmission_file_/}, or, without "download submissions in folders",
 * the files themselves named {@code <Full Name>_<id>_assignsubmission_file_<file>}. The number is
 * the student's id. Online-text submissions ({@code assignsubmission_onlinetext_}) hold no code
 * and are set aside.
 */
final class MoodleLayout implements LayoutReader {
    static final Pattern NAME = Pattern.compile("^(.+)_(\\d+)_assignsubmission_([a-z]+)_(.*)$");

    @Override
    public boolean recognises(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.anyMatch(p -> NAME.matcher(p.getFileName().toString()).matches());
        }
    }

    @Override
    public Discovered read(Path root) throws IOException {
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Path> folders = new TreeMap<>();
        Map<String, SortedMap<String, Path>> files = new TreeMap<>();
        for (Path entry : Entries.list(root, root, skipped)) {
            String entryName = entry.getFileName().toString();
            Matcher m = NAME.matcher(entryName);
            if (!m.matches()) {
                skipped.add(new Skipped(entryName, "not named <Full Name>_<id>_assignsubmission_file_ as Moodle names submissions"));
                continue;
            }
            if (!m.group(3).equals("file")) {
                skipped.add(new Skipped(entryName, "a Moodle " + m.group(3) + " submission, which holds no files to grade"));
                continue;
            }
            String id = m.group(2);
            names.putIfAbsent(id, m.group(1));
            if (Entries.isFolder(entry) && m.group(4).isEmpty()) {
                if (folders.putIfAbsent(id, entry) != null) {
                    skipped.add(new Skipped(entryName, "a second folder for student " + id));
                }
            } else if (Files.isRegularFile(entry) && !m.group(4).isEmpty()) {
                files.computeIfAbsent(id, k -> new TreeMap<>()).put(m.group(4), entry);
            } else {
                skipped.add(new Skipped(entryName, "neither a submission folder nor a submitted file"));
            }
        }
        List<Found> found = new ArrayList<>();
        for (String id : names.keySet().stream().sorted().toList()) {
            Student student = new Student(id, names.get(id), null);
            if (folders.containsKey(id)) {
                found.add(Found.whole(Entries.relative(root, folders.get(id)), List.of(student), folders.get(id)));
                files.getOrDefault(id, new TreeMap<>()).values().forEach(p -> skipped.add(new Skipped(Entries.relative(root, p),
                        "student " + id + " also has a submission folder, which is graded instead")));
            } else {
                found.add(Found.files(names.get(id) + "_" + id, List.of(student), files.get(id)));
            }
        }
        return new Discovered(Layout.MOODLE, found, skipped, List.of());
    }
}

package lockstep.batch.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradescope's "Export Submissions": {@code submission_metadata.yml} maps each
 * {@code submission_NNN} folder to its submitters (Ruby symbols as keys):
 *
 * <pre>
 * submission_123:
 *   :submitters:
 *   - :name: Jane Doe
 *     :sid: '1001'
 *     :email: jane@example.edu
 *   :created_at: 2025-01-01 10:00:00.000000000 -08:00
 * </pre>
 *
 * A student's id is their SID, else their e-mail, else the folder's name. The export may sit
 * one folder down ({@code assignment_NNN_export/}), as it unzips. An unreadable metadata file
 * is noted, and each {@code submission_*} folder is then graded under its own name.
 */
final class GradescopeLayout implements LayoutReader {
    static final String METADATA = "submission_metadata.yml";
    private static final YAMLMapper YAML = new YAMLMapper();

    @Override
    public boolean recognises(Path root) throws IOException {
        return exportFolder(root) != null;
    }

    /** {@code root}, or its one subfolder, that holds the metadata file; null if neither does. */
    static Path exportFolder(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve(METADATA))) {
            return root;
        }
        List<Path> folders;
        try (var entries = Files.list(root)) {
            folders = entries.filter(Entries::isFolder).filter(p -> !p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals("__MACOSX")).toList();
        }
        return folders.size() == 1 && Files.isRegularFile(folders.get(0).resolve(METADATA)) ? folders.get(0) : null;
    }

    @Override
    public Discovered read(Path root) throws IOException {
        Path export = exportFolder(root);
        if (export == null) {
            export = root;
        }
        List<Skipped> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        Set<String> named = new HashSet<>();
        JsonNode metadata = null;
        try {
            metadata = YAML.readTree(export.resolve(METADATA).toFile());
        } catch (IOException | RuntimeException e) {
            notes.add("Could not read " + Entries.relative(root, export.resolve(METADATA)) + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "); each submission_* folder is graded under its own name.");
        }
        if (metadata != null && metadata.isObject()) {
            for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
                String key = symbol(entry.getKey());
                named.add(key);
                List<Student> students = submitters(entry.getValue(), key);
                Path folder = export.resolve(key);
                if (key.contains("/") || key.contains("\\") || key.equals("..") || !Entries.isFolder(folder)) {
                    found.add(Found.unreadable(key, students, METADATA + " names " + key + ", but the export has no such folder"));
                } else {
                    found.add(Found.whole(key, students, folder));
                }
            }
        } else if (metadata != null) {
            notes.add(METADATA + " holds no submissions; each submission_* folder is graded under its own name.");
        }
        boolean fallback = metadata == null || !metadata.isObject();
        for (Path entry : Entries.list(root, export, skipped)) {
            String name = entry.getFileName().toString();
            if (name.equals(METADATA) || named.contains(name)) {
                continue;
            }
            if (fallback && Entries.isFolder(entry) && name.startsWith("submission_")) {
                found.add(Found.whole(name, List.of(Student.of(name)), entry));
            } else {
                skipped.add(new Skipped(Entries.relative(root, entry), "not named in " + METADATA));
            }
        }
        return new Discovered(Layout.GRADESCOPE, found, skipped, notes);
    }

    /** The submitters of one submission; the folder's name when the metadata names none. */
    private static List<Student> submitters(JsonNode submission, String key) {
        List<Student> students = new ArrayList<>();
        JsonNode list = field(submission, "submitters");
        if (list != null && list.isArray()) {
            for (JsonNode s : list) {
                String name = text(field(s, "name"));
                String sid = text(field(s, "sid"));
                String email = text(field(s, "email"));
                String id = sid != null ? sid : email != null ? email : key;
                students.add(new Student(id, name, email));
            }
        }
        return students.isEmpty() ? List.of(Student.of(key)) : students;
    }

    /** A field written {@code :name} (a Ruby symbol, as Gradescope writes them) or plain {@code name}. */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(":" + name);
        return value != null ? value : node.get(name);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String symbol(String key) {
        return key.startsWith(":") ? key.substring(1) : key;
    }
}

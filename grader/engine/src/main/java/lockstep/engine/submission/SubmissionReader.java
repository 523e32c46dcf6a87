package lockstep.engine.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a submission folder (any layout; links are not followed) or {@code .zip} (read in
 * memory, never extracted) into {@link SourceFile}s found by their {@code package} line.
 *
 * <p>Sizes are capped: a source over {@link #MAX_FILE_BYTES} or a submission over
 * {@link #MAX_TOTAL_BYTES} is cut off with a note, never read whole. Sources under a
 * {@code src/test/} folder are the learner's own tests and are set aside with a note.
 */
public final class SubmissionReader {
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final long MAX_TOTAL_BYTES = 16L << 20;
    public static final int MAX_FILES = 2_000;
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*;");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    private SubmissionReader() {}

    /**
     * Reads the submission at {@code path}.
     *
     * @throws IOException when it cannot be read at all (missing, not a folder or zip)
     */
    public static Submission read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            return readZip(path);
        }
        throw new IOException("no submission at " + path + ": expected a folder or a .zip file");
    }

    private static Submission readFolder(Path root) throws IOException {
        Collector collector = new Collector(root.toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, 64, EnumSet.noneOf(FileVisitOption.class).toArray(FileVisitOption[]::new))) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".java"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(file)) {
                collector.add(relative, in, Files.size(file));
            }
        }
        return collector.submission();
    }

    private static Submission readZip(Path zip) throws IOException {
        Collector collector = new Collector(zip.toString());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream()
                    .filter(e -> !e.isDirectory() && e.getName().endsWith(".java"))
                    .sorted(java.util.Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : entries) {
                try (InputStream in = file.getInputStream(entry)) {
                    collector.add(entry.getName().replace('\\', '/'), in, entry.getSize());
                }
            }
        }
        return collector.submission();
    }

    /** The package a source declares; empty for the unnamed package. */
    static String packageOf(String source) {
        String code = COMMENTS.matcher(source).replaceAll(" ");
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1).replaceAll("\\s+", "") : "";
    }

    /** Gathers sources while holding the caps. */
    private static final class Collector {
        private final String origin;
        private final List<SourceFile> sources = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long total;

        Collector(String origin) {
            this.origin = origin;
        }

        void add(String path, InputStream in, long declaredSize) throws IOException {
            if (path.startsWith("/") || path.contains("../") || path.startsWith("..")) {
                notes.add("Skipped " + path + ": its path leaves the submission.");
                return;
            }
            if (path.contains("src/test/")) {
                notes.add("Skipped " + path + ": your own tests are not graded (only the course's tests are).");
                return;
            }
            if (sources.size() >= MAX_FILES) {
                notes.add("Skipped " + path + ": the submission has more than " + MAX_FILES + " Java files.");
                return;
            }
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES || declaredSize > MAX_FILE_BYTES) {
                notes.add("Skipped " + path + ": it is larger than " + (MAX_FILE_BYTES >> 10) + " KiB.");
                return;
            }
            if (total + bytes.length > MAX_TOTAL_BYTES) {
                notes.add("Skipped " + path + ": the submission's sources exceed " + (MAX_TOTAL_BYTES >> 20) + " MiB.");
                return;
            }
            total += bytes.length;
            String content = new String(bytes, StandardCharsets.UTF_8);
            String name = path.substring(path.lastIndexOf('/') + 1);
            sources.add(new SourceFile(path, packageOf(content), name.substring(0, name.length() - ".java".length()), content));
        }

        Submission submission() {
            return new Submission(origin, sources, notes);
        }
    }
}

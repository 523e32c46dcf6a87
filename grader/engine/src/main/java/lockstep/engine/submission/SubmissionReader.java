package lockstep.engine.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a submission folder (any layout; links are not followed) or {@code .zip} (read in
 * memory, never extracted, nested zips never opened) into {@link SourceFile}s found by their
 * {@code package} line.
 *
 * <p>Sizes are capped by the bytes actually read, whatever a zip entry declares: a source over
 * {@link #MAX_FILE_BYTES} is skipped without being read whole, reading stops once
 * {@link #MAX_TOTAL_BYTES} have been read, and at most {@link #MAX_FILES} sources are kept; each
 * with a note. Sources under a {@code src/test/} folder are the learner's own tests, and
 * {@code module-info.java}, {@code META-INF/**} and {@code junit-platform.properties} never reach
 * the class path: all are set aside with a note. Other files are skipped silently.
 */
public final class SubmissionReader {
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final long MAX_TOTAL_BYTES = 16L << 20;
    public static final int MAX_FILES = 2_000;
    /** Past this many notes, the rest are counted in one closing note, so that the report stays readable. */
    public static final int MAX_NOTES = 100;
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
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return readZip(path);
        }
        throw new IOException("no submission at " + path + ": expected a folder or a .zip file");
    }

    private static Submission readFolder(Path root) throws IOException {
        Collector collector = new Collector(root.toString());
        List<Path> files;
        // Files.walk does not follow links: a linked folder is listed but not entered.
        try (Stream<Path> walk = Files.walk(root, 64)) {
            files = walk.filter(p -> !p.equals(root))
                    .filter(p -> Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (Files.isSymbolicLink(file)) {
                collector.note("Skipped " + relative + ": it is a link, and links are never followed.");
            } else if (collector.wants(relative, Files.size(file))) {
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    collector.add(relative, in);
                }
            }
        }
        return collector.submission();
    }

    private static Submission readZip(Path zip) throws IOException {
        Collector collector = new Collector(zip.toString());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream()
                    .filter(e -> !e.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (ZipEntry entry : entries) {
                String name = entry.getName().replace('\\', '/');
                if (collector.wants(name, entry.getSize())) {
                    try (InputStream in = file.getInputStream(entry)) {
                        collector.add(name, in);
                    }
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

    /** Whether {@code path} (forward slashes) would leave the folder it is read into. */
    static boolean leaves(String path) {
        if (path.startsWith("/") || path.contains(":") || path.indexOf('\0') >= 0) {
            return true; // absolute, a drive letter (C:), or a name no file system accepts
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} is a file that never reaches the class path: module-info and resources. */
    static boolean isResource(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("module-info.java") || name.equals("junit-platform.properties")
                || path.startsWith("META-INF/") || path.contains("/META-INF/");
    }

    /** Gathers sources while holding the caps. */
    private static final class Collector {
        private final String origin;
        private final List<SourceFile> sources = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int notesLeftOff;
        private long read;

        Collector(String origin) {
            this.origin = origin;
        }

        /** Whether {@code path} is a source to read; notes why not when it is one that is set aside. */
        boolean wants(String path, long declaredSize) {
            if (leaves(path)) {
                note("Skipped " + path + ": its path leaves the submission.");
                return false;
            }
            if (isResource(path)) {
                note(path + " is ignored: resource files and module-info are never put on the class path.");
                return false;
            }
            if (!path.endsWith(".java")) {
                return false; // a nested zip, a class file, a README: never opened
            }
            if (path.startsWith("src/test/") || path.contains("/src/test/")) {
                note("Skipped " + path + ": your own tests are not graded (only the course's tests are).");
                return false;
            }
            if (sources.size() >= MAX_FILES) {
                note("Skipped " + path + ": the submission has more than " + MAX_FILES + " Java files.");
                return false;
            }
            if (declaredSize > MAX_FILE_BYTES) {
                tooLarge(path);
                return false;
            }
            if (read >= MAX_TOTAL_BYTES) {
                tooMuch(path);
                return false;
            }
            return true;
        }

        /** Reads one source {@link #wants} accepted; reads at most one byte past the caps, whatever the size claimed. */
        void add(String path, InputStream in) throws IOException {
            int budget = (int) Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - read);
            byte[] bytes = in.readNBytes(budget + 1);
            read += bytes.length;
            if (bytes.length > MAX_FILE_BYTES) {
                tooLarge(path);
                return;
            }
            if (bytes.length > budget) {
                tooMuch(path);
                return;
            }
            String content = new String(bytes, StandardCharsets.UTF_8);
            String name = path.substring(path.lastIndexOf('/') + 1);
            sources.add(new SourceFile(path, packageOf(content), name.substring(0, name.length() - ".java".length()), content));
        }

        private void tooLarge(String path) {
            note("Skipped " + path + ": it is larger than " + (MAX_FILE_BYTES >> 10) + " KiB.");
        }

        private void tooMuch(String path) {
            note("Skipped " + path + ": the submission's sources exceed " + (MAX_TOTAL_BYTES >> 20) + " MiB.");
        }

        void note(String note) {
            if (notes.size() < MAX_NOTES) {
                notes.add(note);
            } else {
                notesLeftOff++;
            }
        }

        Submission submission() {
            List<String> all = new ArrayList<>(notes);
            if (notesLeftOff > 0) {
                all.add("... and " + notesLeftOff + " more files were set aside in the same ways.");
            }
            return new Submission(origin, sources, all);
        }
    }
}

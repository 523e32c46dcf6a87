package lockstep.engine.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a submission folder (any layout; links are not followed) or {@code .zip} (read in
 * memory, never extracted, nested zips never opened) into {@link SourceFile}s found by their
 * {@code package} line.
 *
 * <p>Sizes are capped by the bytes actually read, whatever a zip entry declares: a source over
 * {@link #MAX_FILE_BYTES} is skipped without being read whole, reading stops once
 * {@link #MAX_TOTAL_BYTES} have been read, and at most {@link #MAX_FILES} Java files are read. Counts
 * are capped per package: past {@link #MAX_FILES_PER_PACKAGE} sources in one package, the rest of it
 * is skipped and the package is marked full, so one package's junk costs only its own exercise.
 * Folders with fewer Java files are read first, so that one folder's bulk is read last and cannot
 * crowd the others out of the overall caps. Build output and version-control folders
 * ({@link #IGNORED_FOLDERS}) are never entered. Sources under a {@code src/test/} folder are the
 * learner's own tests, and {@code module-info.java}, {@code META-INF/**} and
 * {@code junit-platform.properties} never reach the class path. Everything set aside gets one note
 * per reason, with a count and a few examples ({@link SetAside}); other files are skipped silently.
 */
public final class SubmissionReader {
    public static final int MAX_FILE_BYTES = 1 << 20;
    public static final long MAX_TOTAL_BYTES = 16L << 20;
    /** How many Java files are read in all; protects the grader from a submission of countless tiny files. */
    public static final int MAX_FILES = 20_000;
    /** How many sources one package may have: as many as an exercise may compile classes, and far more than one needs. */
    public static final int MAX_FILES_PER_PACKAGE = 500;
    /** Folders of build output, version control and editors, never entered wherever they are. */
    public static final Set<String> IGNORED_FOLDERS = Set.of("target", "build", "out", "bin", ".git", ".idea", ".gradle", "node_modules");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*;");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    private static final Note.Why LINK = new Note.Why.Link();
    private static final Note.Why LEAVES = new Note.Why.LeavesSubmission();
    private static final Note.Why RESOURCE = new Note.Why.Resource();
    private static final Note.Why OWN_TEST = new Note.Why.OwnTest();
    private static final Note.Why TOO_LARGE = new Note.Why.TooLarge(MAX_FILE_BYTES >> 10);
    private static final Note.Why TOO_MUCH = new Note.Why.TooMuch(MAX_TOTAL_BYTES >> 20);
    private static final Note.Why TOO_MANY = new Note.Why.TooManyFiles(MAX_FILES);
    private static final Note.Why BUILD_FOLDER = new Note.Why.BuildFolder();

    private SubmissionReader() {}

    /**
     * Reads the submission at {@code path}.
     *
     * @throws NotASubmissionException when it is neither a folder nor a zip (missing, say)
     * @throws IOException when it cannot be read at all
     */
    public static Submission read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return readZip(path);
        }
        throw new NotASubmissionException("no submission at " + path + ": expected a folder or a .zip file");
    }

    private static Submission readFolder(Path root) throws IOException {
        Collector collector = new Collector(root.toString());
        List<Path> files = new ArrayList<>();
        // Links are not followed: a linked file or folder is visited as a link, never entered.
        Files.walkFileTree(root, Set.of(), 64, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && IGNORED_FOLDERS.contains(dir.getFileName().toString())) {
                    collector.ignoredFolder(relative(root, dir) + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink() || attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path file : readingOrder(files, f -> relative(root, f))) {
            String relative = relative(root, file);
            if (Files.isSymbolicLink(file)) {
                collector.skip(LINK, relative);
            } else if (collector.wants(relative, Files.size(file))) {
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    collector.add(relative, in);
                }
            }
        }
        return collector.submission();
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static Submission readZip(Path zip) throws IOException {
        Collector collector = new Collector(zip.toString());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().filter(e -> !e.isDirectory()).toList();
            for (ZipEntry entry : readingOrder(entries, SubmissionReader::nameOf)) {
                String name = nameOf(entry);
                Optional<String> ignored = leaves(name) ? Optional.empty() : ignoredFolder(name);
                if (ignored.isPresent()) {
                    collector.ignoredFolder(ignored.get());
                } else if (collector.wants(name, entry.getSize())) {
                    try (InputStream in = file.getInputStream(entry)) {
                        collector.add(name, in);
                    }
                }
            }
        }
        return collector.submission();
    }

    private static String nameOf(ZipEntry entry) {
        return entry.getName().replace('\\', '/');
    }

    /**
     * {@code items} in the order they are read, by their {@code path}: folders with fewer Java files
     * first, then by path, so that a folder stuffed with files comes last and the overall caps fall
     * on it alone.
     */
    static <T> List<T> readingOrder(Collection<T> items, Function<T, String> path) {
        Map<String, Long> javaFilesPerFolder = items.stream().map(path).filter(p -> p.endsWith(".java"))
                .collect(Collectors.groupingBy(SubmissionReader::folderOf, Collectors.counting()));
        return items.stream()
                .sorted(Comparator.<T>comparingLong(i -> javaFilesPerFolder.getOrDefault(folderOf(path.apply(i)), 0L))
                        .thenComparing(path))
                .toList();
    }

    private static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** The build or version-control folder {@code path} lies in, e.g. {@code project/target/}; empty if none. */
    static Optional<String> ignoredFolder(String path) {
        String[] segments = path.split("/");
        StringBuilder folder = new StringBuilder();
        for (int i = 0; i < segments.length - 1; i++) {
            folder.append(segments[i]).append('/');
            if (IGNORED_FOLDERS.contains(segments[i])) {
                return Optional.of(folder.toString());
            }
        }
        return Optional.empty();
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
        private final Map<String, Integer> perPackage = new HashMap<>();
        private final Set<String> fullPackages = new TreeSet<>();
        private final SetAside skipped = new SetAside();
        private final SetAside ignoredFolders = new SetAside();
        private int opened;
        private long read;

        Collector(String origin) {
            this.origin = origin;
        }

        /** Whether {@code path} is a source to read; notes why not when it is one that is set aside. */
        boolean wants(String path, long declaredSize) {
            if (leaves(path)) {
                skip(LEAVES, path);
                return false;
            }
            if (isResource(path)) {
                skip(RESOURCE, path);
                return false;
            }
            if (!path.endsWith(".java")) {
                return false; // a nested zip, a class file, a README: never opened
            }
            if (path.startsWith("src/test/") || path.contains("/src/test/")) {
                skip(OWN_TEST, path);
                return false;
            }
            if (opened >= MAX_FILES) {
                skip(TOO_MANY, path);
                return false;
            }
            if (declaredSize > MAX_FILE_BYTES) {
                skip(TOO_LARGE, path);
                return false;
            }
            if (read >= MAX_TOTAL_BYTES) {
                skip(TOO_MUCH, path);
                return false;
            }
            return true;
        }

        /** Reads one source {@link #wants} accepted; reads at most one byte past the caps, whatever the size claimed. */
        void add(String path, InputStream in) throws IOException {
            opened++;
            int budget = (int) Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - read);
            byte[] bytes = in.readNBytes(budget + 1);
            read += bytes.length;
            if (bytes.length > MAX_FILE_BYTES) {
                skip(TOO_LARGE, path);
                return;
            }
            if (bytes.length > budget) {
                skip(TOO_MUCH, path);
                return;
            }
            String content = new String(bytes, StandardCharsets.UTF_8);
            String packageName = packageOf(content);
            if (perPackage.merge(packageName, 1, Integer::sum) > MAX_FILES_PER_PACKAGE) {
                fullPackages.add(packageName);
                skip(new Note.Why.PackageFull(packageName, MAX_FILES_PER_PACKAGE), path);
                return;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            sources.add(new SourceFile(path, packageName, name.substring(0, name.length() - ".java".length()), content));
        }

        void skip(Note.Why why, String path) {
            skipped.add(why, path);
        }

        void ignoredFolder(String folder) {
            ignoredFolders.add(BUILD_FOLDER, folder);
        }

        Submission submission() {
            List<Note> notes = new ArrayList<>(ignoredFolders.notes());
            notes.addAll(skipped.notes());
            return new Submission(origin, sources, notes, fullPackages);
        }
    }
}

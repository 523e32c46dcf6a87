package lockstep.batch.discover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The top of a download, as every layout reads it: its entries in name order, with what no layout
 * grades (hidden files, macOS's {@code __MACOSX}, links) set aside with a reason.
 */
final class Entries {
    private Entries() {}

    /** The entries of {@code folder} worth reading, sorted by name; the others are added to {@code skipped}. */
    static List<Path> list(Path root, Path folder, List<Skipped> skipped) throws IOException {
        List<Path> kept = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry)) {
                    skipped.add(new Skipped(relative(root, entry), "a link; links are never followed"));
                } else if (name.startsWith(".") || name.equals("__MACOSX")) {
                    skipped.add(new Skipped(relative(root, entry), "a hidden or system file, not a submission"));
                } else {
                    kept.add(entry);
                }
            }
        }
        return kept;
    }

    static boolean isZip(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static boolean isFolder(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code path} itself, or the one {@code .zip} a folder holds when it holds nothing else but hidden files. */
    static Path unwrapSingleZip(Path path) {
        if (!isFolder(path)) {
            return path;
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> visible = entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            return visible.size() == 1 && isZip(visible.get(0)) ? visible.get(0) : path;
        } catch (IOException e) {
            return path; // reading it will say what is wrong
        }
    }

    /** {@code path} relative to the download, with forward slashes. */
    static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** A file name without its last extension: {@code alice.zip} → {@code alice}. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

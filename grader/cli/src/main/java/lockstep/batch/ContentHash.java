package lockstep.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import lockstep.batch.discover.Found;

/**
 * The hash of a submission's content: SHA-256 over each file's path and bytes, in path order, so
 * that a batch started again can tell a submission that changed since it was graded (a late
 * upload, a fixed zip) from one that did not. A folder's {@code .git} is left out (a fetch changes
 * it, the code it checks out does not); a link counts by where it points, and is never followed.
 */
public final class ContentHash {
    private ContentHash() {}

    /** {@code sha256:<hex>} of {@code found}'s files. */
    public static String of(Found found) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>();
        if (found.whole() != null) {
            Path whole = found.whole();
            if (Files.isDirectory(whole, LinkOption.NOFOLLOW_LINKS)) {
                list(whole, files);
            } else {
                files.put(whole.getFileName().toString(), whole);
            }
        } else {
            files.putAll(found.files());
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Map.Entry<String, Path> file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            Path path = file.getValue();
            if (Files.isSymbolicLink(path)) {
                digest.update(("link:" + Files.readSymbolicLink(path)).getBytes(StandardCharsets.UTF_8));
            } else {
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(path)).array());
                try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            digest.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void list(Path root, SortedMap<String, Path> files) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.put(root.relativize(file).toString().replace('\\', '/'), file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

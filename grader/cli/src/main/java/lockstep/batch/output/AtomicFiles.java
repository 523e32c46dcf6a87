package lockstep.batch.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Writes files whole or not at all: to a temporary file in the same folder, flushed to disk, then
 * renamed over the target in one atomic step. A batch killed at any moment (kill -9 included)
 * leaves every file as it was before or as it is after, never half written; at worst a stray
 * temporary file, which {@link #sweep} removes when the batch starts again.
 */
public final class AtomicFiles {
    /** How every temporary file of the batch begins, so that {@link #sweep} knows its own. */
    static final String PREFIX = ".lockstep-";
    static final String SUFFIX = ".tmp";

    private AtomicFiles() {}

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(folder, PREFIX, SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes the temporary files a killed batch left under {@code root} (its own, by their name, and nothing else). */
    public static void sweep(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}

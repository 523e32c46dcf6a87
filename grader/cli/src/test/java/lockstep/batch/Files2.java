package lockstep.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Makes the example downloads the batch tests read: files with text, and zips. */
public final class Files2 {
    private Files2() {}

    /** Writes {@code text} to {@code root/relative}, making its folders. */
    public static Path write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** A zip at {@code root/relative} holding {@code entries} (name, text, name, text, ...). */
    public static Path zip(Path root, String relative, String... entries) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A learner class of the mutex exercise, as a student would hand it in. */
    public static String counter(String body) {
        return "package ch10.mutex;\npublic class Counter { " + body + " }\n";
    }
}

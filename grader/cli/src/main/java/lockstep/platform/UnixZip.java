package lockstep.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip whose entries carry Unix modes, as {@code zip} on Unix writes them: each central directory
 * record says it was made by Unix (host 3) and holds the file type and permissions in the high half
 * of its external attributes, so that {@code unzip} (Gradescope's included) restores the executable
 * bit. {@link ZipOutputStream} writes neither, so {@link #bytes()} sets both in the central directory
 * it wrote. Folders are added for every entry's parents. Small zips only (no Zip64: under 4 GiB and
 * 65,535 entries), which an autograder is.
 */
final class UnixZip {
    private static final int REGULAR = 0100000;
    private static final int FOLDER = 040000;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;

    /** Mode (type and permissions) of each entry, in the order written. */
    private final Map<String, Integer> modes = new LinkedHashMap<>();
    private final List<byte[]> contents = new ArrayList<>();

    /** Adds a file at {@code name} ({@code /}-separated) with the permission bits {@code permissions}, e.g. {@code 0755}. */
    void file(String name, byte[] bytes, int permissions) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("..") || modes.containsKey(name)) {
            throw new IllegalArgumentException("not a new relative file name: " + name);
        }
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            String folder = name.substring(0, slash + 1);
            if (modes.putIfAbsent(folder, FOLDER | 0755) == null) {
                contents.add(null);
            }
        }
        modes.put(name, REGULAR | permissions);
        contents.add(bytes.clone());
    }

    /** The whole zip. */
    byte[] bytes() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            int i = 0;
            for (String name : modes.keySet()) {
                zip.putNextEntry(new ZipEntry(name));
                byte[] bytes = contents.get(i++);
                if (bytes != null) {
                    zip.write(bytes);
                }
                zip.closeEntry();
            }
        }
        return withModes(buffer.toByteArray());
    }

    /** The zip with each central directory record marked as made by Unix, with its entry's mode. */
    private byte[] withModes(byte[] zip) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        while (end >= 0 && bytes.getInt(end) != END) {
            end--;
        }
        if (end < 0) {
            throw new IllegalStateException("no end of central directory in the zip just written");
        }
        int count = Short.toUnsignedInt(bytes.getShort(end + 10));
        int at = bytes.getInt(end + 16);
        for (int i = 0; i < count; i++) {
            if (bytes.getInt(at) != CENTRAL) {
                throw new IllegalStateException("central directory record " + i + " not where expected");
            }
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            String name = new String(zip, at + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            int mode = modes.get(name);
            bytes.putShort(at + 4, (short) ((3 << 8) | (bytes.getShort(at + 4) & 0xff)));
            bytes.putInt(at + 38, (mode << 16) | (name.endsWith("/") ? 0x10 : 0)); // 0x10: MS-DOS's folder bit
            at += 46 + nameLength + Short.toUnsignedInt(bytes.getShort(at + 30)) + Short.toUnsignedInt(bytes.getShort(at + 32));
        }
        return zip;
    }
}

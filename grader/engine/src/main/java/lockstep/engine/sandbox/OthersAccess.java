package lockstep.engine.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Opens the grader's own work folders to other users, so that a sandbox started as nobody (see
 * {@link UserDrop}) can read the learner's compiled classes. Folders get "others may enter and
 * list", files "others may read"; nothing gets write access. A no-op where the file system has no
 * POSIX permissions.
 */
public final class OthersAccess {
    private OthersAccess() {}

    /** Lets others enter {@code folder} and list it. */
    public static void open(Path folder) throws IOException {
        add(folder, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    }

    /** Lets others read everything under {@code tree}, folders and files. */
    public static void openTree(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    open(path);
                } else if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    add(path, PosixFilePermission.OTHERS_READ);
                }
            }
        }
    }

    private static void add(Path path, PosixFilePermission... permissions) throws IOException {
        try {
            Set<PosixFilePermission> now = new HashSet<>(Files.getPosixFilePermissions(path));
            if (now.addAll(Set.of(permissions))) {
                Files.setPosixFilePermissions(path, now);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nobody to open it to.
        }
    }
}

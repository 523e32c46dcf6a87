package lockstep.engine.submission;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A remark of the intake for the learner: what it set aside and why, with the paths it names, so
 * that it can be shown with the exercise whose folder it concerns. A value: {@code lockstep.engine.score}
 * puts it into words.
 *
 * @param paths the first few paths it covers ({@link SetAside#EXAMPLES} at most), in path order
 * @param count how many paths it covers in all
 */
public record Note(Why why, List<String> paths, int count) {
    public Note {
        Objects.requireNonNull(why, "why must not be null");
        paths = List.copyOf(paths);
        if (paths.isEmpty() || count < paths.size()) {
            throw new IllegalArgumentException("a note names at least one of its " + count + " paths: " + paths);
        }
    }

    /** Whether it names a path in the folder of {@code packageName} (e.g. {@code src/ch10/cache/X.java} for {@code ch10.cache}). */
    public boolean concerns(String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        return paths.stream().anyMatch(path -> path.contains(folder));
    }

    /**
     * Why paths were set aside: every file is skipped unread, except {@link OutsidePackages}, read and
     * ignored, and {@link DeclaresAnotherPackage}, graded with the exercise of the package it declares.
     */
    public sealed interface Why {
        /** A link, never followed. */
        record Link() implements Why {}

        /** A zip entry whose path leaves the submission. */
        record LeavesSubmission() implements Why {}

        /** A resource file or module-info, never put on the class path. */
        record Resource() implements Why {}

        /** The learner's own test, under {@code src/test/}. */
        record OwnTest() implements Why {}

        /** A source larger than {@code maxKib} KiB. */
        record TooLarge(int maxKib) implements Why {}

        /** A source past the {@code maxMib} MiB the reader reads of a submission's sources. */
        record TooMuch(long maxMib) implements Why {}

        /** A source past the first {@code max} Java files of a submission. */
        record TooManyFiles(int max) implements Why {}

        /** A folder of build output, version control or an editor, never entered. */
        record BuildFolder() implements Why {}

        /** A source past the first {@code max} Java files of its package ({@code ""} for the unnamed package). */
        record PackageFull(String packageName, int max) implements Why {
            public PackageFull {
                Objects.requireNonNull(packageName, "packageName must not be null");
            }
        }

        /**
         * A source in the folder of the course's package {@code folderPackage} that declares another
         * of the course's packages, {@code declared}: read and compiled with the exercise of the
         * package it declares, not with the one of its folder (a package line copied from another exercise).
         */
        record DeclaresAnotherPackage(String declared, String folderPackage) implements Why {
            public DeclaresAnotherPackage {
                Objects.requireNonNull(declared, "declared must not be null");
                Objects.requireNonNull(folderPackage, "folderPackage must not be null");
            }
        }

        /**
         * A source in none of the course's exercise {@code packages}, so never compiled.
         *
         * @param declared when it is the only such source, the package it declares ({@code ""} for none); else empty
         */
        record OutsidePackages(Optional<String> declared, List<String> packages) implements Why {
            public OutsidePackages {
                Objects.requireNonNull(declared, "declared must not be null");
                packages = List.copyOf(packages);
            }
        }
    }
}

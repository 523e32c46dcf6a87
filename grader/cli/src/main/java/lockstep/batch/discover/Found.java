package lockstep.batch.discover;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One submission the download holds, and whose it is. It is graded once, and its verdict goes to
 * each of its students (several for a Gradescope group submission). Exactly one of three shapes:
 * a folder or {@code .zip} graded as it is ({@link #whole}), files spread over the download that
 * are gathered into one folder first ({@link #files}, Canvas and flat Moodle downloads), or one
 * that cannot be graded at all ({@link #problem}), which the batch records with its reason.
 *
 * @param key what the submission is called in the download (a folder or file name, or the
 *     layout's own number); unique within one download
 * @param students who submitted it, at least one
 * @param whole the folder or {@code .zip} to grade, or null
 * @param files the files to gather, by the name each gets in the gathered folder; empty unless gathered
 * @param problem why it cannot be graded, or null
 */
public record Found(String key, List<Student> students, Path whole, SortedMap<String, Path> files, String problem) {
    public Found {
        Objects.requireNonNull(key, "key must not be null");
        students = List.copyOf(students);
        if (students.isEmpty()) {
            throw new IllegalArgumentException("a submission has at least one student: " + key);
        }
        files = new TreeMap<>(files);
        int shapes = (whole != null ? 1 : 0) + (files.isEmpty() ? 0 : 1) + (problem != null ? 1 : 0);
        if (shapes != 1) {
            throw new IllegalArgumentException("a submission is whole, gathered or unreadable, exactly one: " + key);
        }
    }

    /**
     * A folder or {@code .zip} graded as it is; a folder holding nothing but one {@code .zip} is
     * graded as that zip, since that is how a zip upload lands in most downloads.
     */
    public static Found whole(String key, List<Student> students, Path path) {
        return new Found(key, students, Entries.unwrapSingleZip(path), new TreeMap<>(), null);
    }

    /** Files gathered into one folder before grading; a single {@code .zip} is graded as it is instead. */
    public static Found files(String key, List<Student> students, SortedMap<String, Path> files) {
        if (files.size() == 1 && Entries.isZip(files.values().iterator().next())) {
            return new Found(key, students, files.values().iterator().next(), new TreeMap<>(), null);
        }
        return new Found(key, students, null, files, null);
    }

    /** A submission that cannot be graded, and why. */
    public static Found unreadable(String key, List<Student> students, String problem) {
        return new Found(key, students, null, new TreeMap<>(), Objects.requireNonNull(problem));
    }

    /** The same submission, now known to be unreadable for {@code why}. */
    public Found withProblem(String why) {
        return unreadable(key, students, why);
    }
}

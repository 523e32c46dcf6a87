package lockstep.batch.discover;

import java.util.Objects;

/**
 * One student as a download names them. The id keys everything the batch writes for the student
 * (their folder, their gradebook row), so it is what the course platform knows them by.
 *
 * @param id the student's id in the download (a folder's name, a Gradescope SID, a GitHub login, a Moodle or Canvas number)
 * @param name their name where the download gives one, else null
 * @param email their e-mail where the download gives one, else null
 */
public record Student(String id, String name, String email) {
    public Student {
        Objects.requireNonNull(id, "id must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a student id must not be blank");
        }
    }

    /** A student known by id alone. */
    public static Student of(String id) {
        return new Student(id, null, null);
    }
}

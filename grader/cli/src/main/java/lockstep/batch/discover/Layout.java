package lockstep.batch.discover;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shapes of download an instructor brings to {@code ./grade batch}, each read by its own
 * {@link LayoutReader}. {@link Discovery} tells them apart; {@code --layout} overrides it.
 */
public enum Layout {
    /** One folder or {@code .zip} per student, named by the student's id. */
    FOLDERS("folders", new FolderLayout()),
    /** Gradescope's "Export Submissions": {@code submission_metadata.yml} and one {@code submission_NNN} folder each. */
    GRADESCOPE("gradescope", new GradescopeLayout()),
    /** GitHub Classroom's repositories, cloned as {@code <assignment>-<github-login>/}. */
    GITHUB_CLASSROOM("github-classroom", new GithubClassroomLayout()),
    /** Moodle's "Download all submissions": {@code <Full Name>_<id>_assignsubmission_file_/}. */
    MOODLE("moodle", new MoodleLayout()),
    /** Canvas's "Download Submissions": files named {@code <name>_<userid>_<submissionid>_<file>}. */
    CANVAS("canvas", new CanvasLayout());

    private final String id;
    private final LayoutReader reader;

    Layout(String id, LayoutReader reader) {
        this.id = id;
        this.reader = reader;
    }

    @JsonValue
    public String id() {
        return id;
    }

    LayoutReader reader() {
        return reader;
    }

    /** The layout called {@code id} on the command line. */
    public static Optional<Layout> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Every layout's id, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", "));
    }
}

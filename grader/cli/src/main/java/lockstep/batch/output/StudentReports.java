package lockstep.batch.output;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lockstep.engine.report.ReportFormat;
import lockstep.engine.result.GradeReport;

/**
 * The extra reports {@code ./grade batch --report FORMAT=FILE} writes into every student's folder,
 * beside {@code results.json} and {@code feedback.txt}: each requested format under its file name,
 * rendered from the student's native report, or, for a student who was not graded, from the report
 * of {@link GradeReport#notGraded} (a score of 0 and why), so that every requested file is there for
 * every student the batch has a folder for.
 */
public final class StudentReports {
    /** One requested report: a format and its file name in the student's folder. */
    public record Request(ReportFormat format, String fileName) {
        public Request {
            Objects.requireNonNull(format, "format must not be null");
            checkName(fileName);
        }
    }

    /** None: only the native results and the feedback. */
    public static final StudentReports NONE = new StudentReports(List.of());

    private static final Set<String> RESERVED = Set.of(StudentFiles.RESULTS, StudentFiles.FEEDBACK, StudentFiles.RECORD);

    private final List<Request> requests;
    private final boolean showHidden;

    /** {@code requests}, and a {@code feedback.txt} that shows hidden tests as a learner may see them. */
    public StudentReports(List<Request> requests) {
        this(requests, false);
    }

    /**
     * @param showHidden whether {@code feedback.txt} shows hidden tests in full ({@code --show-hidden}); the
     *     requests' formats carry their own {@link lockstep.engine.report.ReportOptions}
     */
    public StudentReports(List<Request> requests, boolean showHidden) {
        this.requests = List.copyOf(requests);
        this.showHidden = showHidden;
        if (requests.stream().map(Request::fileName).distinct().count() != requests.size()) {
            throw new IllegalArgumentException("two reports would be written to the same file");
        }
    }

    public List<Request> requests() {
        return requests;
    }

    /**
     * Refuses a file name that is not one plain name in the student's folder (a path, a hidden name:
     * the batch's temporary files start with a dot), or one of the batch's own files.
     */
    static void checkName(String fileName) {
        Objects.requireNonNull(fileName, "fileName must not be null");
        if (fileName.isEmpty() || fileName.startsWith(".") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("a batch report is a plain file name in each student's folder, such as "
                    + "gradescope.json, not '" + fileName + "'");
        }
        if (RESERVED.contains(fileName)) {
            throw new IllegalArgumentException("'" + fileName + "' is one of the batch's own files (" + String.join(", ",
                    RESERVED.stream().sorted().toList()) + "); choose another name");
        }
    }

    /** The student's {@code feedback.txt} of {@code report}. */
    String feedback(GradeReport report) {
        return FeedbackText.of(report, showHidden);
    }

    /** Every requested report of {@code report}, by file name. */
    Map<String, byte[]> render(GradeReport report) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Request request : requests) {
            files.put(request.fileName(), request.format().render(report));
        }
        return files;
    }
}

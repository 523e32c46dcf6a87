package lockstep.engine.report;

import java.io.IOException;
import lockstep.engine.result.GradeReport;

/**
 * One way of writing a {@link GradeReport} for a reader: the native {@code results.json}, the text
 * {@code ./grade} prints, or the results file of a course platform or CI server. Every format is
 * derived from the native report alone, and its total is the native total (scaled, where the
 * format scales). Get one from {@link ReportFormats}.
 *
 * @since 0.1
 */
public interface ReportFormat {
    /** The name users give on the command line, e.g. {@code gradescope}. */
    String name();

    /** The file a course platform expects this format in, e.g. {@code results.json}: the batch's default. */
    String fileName();

    /**
     * The whole file, as bytes. Never fails for anything in the report (learner text included):
     * what the format cannot hold is escaped, cut or left out.
     *
     * @param report never null; a report of {@link GradeReport#notGraded} too
     */
    byte[] render(GradeReport report) throws IOException;
}

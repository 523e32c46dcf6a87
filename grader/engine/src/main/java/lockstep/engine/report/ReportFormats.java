package lockstep.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import lockstep.engine.result.GradeReport;

/**
 * Every report format, by name: {@code json} (the native results), {@code text} (what
 * {@code ./grade} prints), {@code gradescope}, {@code prairielearn}, {@code classroom},
 * {@code junit} and {@code vpl}.
 *
 * <pre>{@code
 * ReportFormat format = ReportFormats.find("gradescope", ReportOptions.DEFAULT).orElseThrow();
 * ReportFormats.write(format, report, Path.of("/autograder/results/results.json"));
 * }</pre>
 *
 * @since 0.1
 */
public final class ReportFormats {
    private static final List<String> NAMES = List.of("json", "text", "gradescope", "prairielearn", "classroom", "junit", "vpl");

    private ReportFormats() {}

    /** The names of every format, in the order of the help text. */
    public static List<String> names() {
        return NAMES;
    }

    /** The format called {@code name}; empty for an unknown name. */
    public static Optional<ReportFormat> find(String name, ReportOptions options) {
        return Optional.ofNullable(switch (name) {
            case "json" -> new NativeFormat();
            case "text" -> new TextFormat(options);
            case "gradescope" -> new GradescopeFormat(options);
            case "prairielearn" -> new PrairieLearnFormat(options);
            case "classroom" -> new ClassroomFormat(options);
            case "junit" -> new JunitXmlFormat(options);
            case "vpl" -> new VplFormat(options);
            default -> null;
        });
    }

    /** Every format, in the order of {@link #names()}. */
    public static List<ReportFormat> all(ReportOptions options) {
        return NAMES.stream().map(n -> find(n, options).orElseThrow()).toList();
    }

    /**
     * Writes {@code report} in {@code format} to {@code file}, whole or not at all: to a temporary
     * file in the same folder first, then moved into place, so a reader never sees half a file.
     * Creates the folder.
     */
    public static void write(ReportFormat format, GradeReport report, Path file) throws IOException {
        byte[] bytes = format.render(report);
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".report-", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

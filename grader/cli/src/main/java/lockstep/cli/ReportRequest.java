package lockstep.cli;

import java.nio.file.Path;
import java.util.Objects;
import lockstep.engine.report.ReportFormats;
import picocli.CommandLine;

/**
 * One {@code --report FORMAT=FILE}: a format by name and where to write it.
 *
 * @param file for {@code ./grade}, a path; for {@code ./grade batch}, a file name inside each student's folder
 */
record ReportRequest(String format, Path file) {
    ReportRequest {
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(file, "file must not be null");
    }

    /** {@code FORMAT=FILE}, as the user writes it; an unknown format or a missing file is a usage error. */
    static final class Converter implements CommandLine.ITypeConverter<ReportRequest> {
        @Override
        public ReportRequest convert(String value) {
            int eq = value.indexOf('=');
            String format = eq < 0 ? value.strip() : value.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            if (eq < 0 || eq == value.length() - 1) {
                throw new CommandLine.TypeConversionException("--report takes FORMAT=FILE, e.g. gradescope=results.json, not '"
                        + value + "'");
            }
            if (!ReportFormats.names().contains(format)) {
                throw new CommandLine.TypeConversionException("--report takes one of the formats " + String.join(", ",
                        ReportFormats.names()) + ", not '" + format + "'");
            }
            return new ReportRequest(format, Path.of(value.substring(eq + 1)));
        }
    }
}

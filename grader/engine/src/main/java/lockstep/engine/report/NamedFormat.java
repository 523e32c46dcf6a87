package lockstep.engine.report;

import java.util.Objects;

/** What every format has besides its rendering: its name, its usual file name and the options it honours. */
abstract class NamedFormat implements ReportFormat {
    private final String name;
    private final String fileName;
    final ReportOptions options;

    NamedFormat(String name, String fileName, ReportOptions options) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.fileName = Objects.requireNonNull(fileName, "fileName must not be null");
        this.options = Objects.requireNonNull(options, "options must not be null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String fileName() {
        return fileName;
    }
}

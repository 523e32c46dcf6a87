package lockstep.batch.html;

import java.util.Optional;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * The class report's reading of a {@code results.json} written before schema 1.6, whose tests carry
 * no {@link TestResult#problem() problem}: the problems the report flags are recognised there by how
 * an errored test's message starts, the grader's own words of those versions. Only for such files: a
 * file of schema 1.6 or later is read by its {@code problem} fields alone, whatever its messages say.
 */
final class OlderResults {
    /** The first schema whose tests carry their problem. */
    static final int TYPED_SINCE_MINOR = 6;

    private OlderResults() {}

    /** Whether a report of {@code schemaVersion} predates the {@code problem} field (1.0 to 1.5); a version not understood is taken as newer. */
    static boolean untyped(String schemaVersion) {
        String[] parts = schemaVersion.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 1 || (major == 1 && minor < TYPED_SINCE_MINOR);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The problem of an errored test of an older report, as far as its message tells; else empty. */
    static Optional<TestProblem> problem(TestResult test) {
        if (test.status() != TestStatus.ERRORED || test.message() == null) {
            return Optional.empty();
        }
        String message = test.message();
        return Optional.ofNullable(message.startsWith("The test JVM stopped") ? TestProblem.JVM_EXITED
                : message.startsWith("Out of memory:") ? TestProblem.OUT_OF_MEMORY
                : message.startsWith("Something other than the test runner wrote to the grader's channel") ? TestProblem.CHANNEL_TAMPERED
                : message.startsWith("The test JVM sent something the grader could not read") ? TestProblem.CHANNEL_UNREADABLE
                : null);
    }
}

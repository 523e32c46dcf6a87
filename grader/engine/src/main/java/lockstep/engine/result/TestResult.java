package lockstep.engine.result;

import java.util.Objects;

/**
 * The verdict on one test of an exercise's suite.
 *
 * @param id stable identifier, {@code SimpleClassName#method}
 * @param name what the test checks, in words
 * @param message for anything but a pass: what was expected, what happened, where to look; else null
 * @param output what the learner's code printed during the test: its last bytes, up to a cap; empty if nothing
 * @param hint what to look at when it fails; null when it passed
 * @param visibility who may see the test's details (since schema 1.3; {@link TestVisibility#VISIBLE} when absent)
 * @param outputBytesLeftOut how many bytes the code printed before {@code output} that were not kept
 *     (since schema 1.5; 0 when absent)
 * @param problem what went wrong, as the verdict was made; null for a passed test, for a hidden test
 *     redacted for learners ({@code report.HiddenTests}), and in files before schema 1.6
 */
public record TestResult(
        String id,
        String name,
        TestStatus status,
        double points,
        double maxPoints,
        String message,
        String output,
        String hint,
        long durationMs,
        TestVisibility visibility,
        long outputBytesLeftOut,
        TestProblem problem) {

    public TestResult {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(output, "output must not be null");
        visibility = visibility == null ? TestVisibility.VISIBLE : visibility;
        if (outputBytesLeftOut < 0) {
            throw new IllegalArgumentException("outputBytesLeftOut must not be negative: " + id);
        }
        if (points != 0 && status != TestStatus.PASSED) {
            throw new IllegalArgumentException("only a passed test earns points: " + id);
        }
        if (problem != null && !problem.fits(status)) {
            throw new IllegalArgumentException("a test with status " + status.json() + " cannot have the problem " + problem.json() + ": " + id);
        }
    }

    /** The verdict on a test whose problem is not known (a report of schema 1.5, or one built by hand). */
    public TestResult(String id, String name, TestStatus status, double points, double maxPoints, String message, String output,
            String hint, long durationMs, TestVisibility visibility, long outputBytesLeftOut) {
        this(id, name, status, points, maxPoints, message, output, hint, durationMs, visibility, outputBytesLeftOut, null);
    }

    /** The verdict on a test whose output was kept whole. */
    public TestResult(String id, String name, TestStatus status, double points, double maxPoints, String message, String output,
            String hint, long durationMs, TestVisibility visibility) {
        this(id, name, status, points, maxPoints, message, output, hint, durationMs, visibility, 0);
    }

    /** The verdict on a test every learner may see, whose output was kept whole. */
    public TestResult(String id, String name, TestStatus status, double points, double maxPoints, String message, String output,
            String hint, long durationMs) {
        this(id, name, status, points, maxPoints, message, output, hint, durationMs, TestVisibility.VISIBLE);
    }
}

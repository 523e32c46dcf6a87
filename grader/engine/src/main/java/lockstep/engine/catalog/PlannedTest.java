package lockstep.engine.catalog;

import java.util.Objects;
import lockstep.engine.result.TestVisibility;

/**
 * One graded test as the course declares it, known before any learner code runs.
 *
 * @param uniqueId the JUnit unique ID the runner selects it by
 * @param id stable, readable identifier: {@code SimpleClassName#method}
 * @param name what it checks, in words
 * @param timeLimitSeconds its wall-clock limit before the slack factor
 * @param visibility who may see its details ({@code @Visibility}); visible when absent from an older catalog
 * @param runOrder where the test JVM runs it: its place in JUnit's own discovery order, which the
 *     suites' tests have always run in, while the catalog lists tests as the statement introduces
 *     them; 0 for every test of an older catalog, whose list was in that order already
 */
public record PlannedTest(String uniqueId, String id, String name, int points, String hint, int timeLimitSeconds,
        TestVisibility visibility, int runOrder) {
    public PlannedTest {
        visibility = visibility == null ? TestVisibility.VISIBLE : visibility;
        Objects.requireNonNull(uniqueId, "uniqueId must not be null");
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(hint, "hint must not be null");
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1: " + id);
        }
        if (timeLimitSeconds < 1) {
            throw new IllegalArgumentException("timeLimitSeconds must be at least 1: " + id);
        }
    }

    /** A test listed in the order it runs. */
    public PlannedTest(String uniqueId, String id, String name, int points, String hint, int timeLimitSeconds,
            TestVisibility visibility) {
        this(uniqueId, id, name, points, hint, timeLimitSeconds, visibility, 0);
    }

    /** A test every learner may see. */
    public PlannedTest(String uniqueId, String id, String name, int points, String hint, int timeLimitSeconds) {
        this(uniqueId, id, name, points, hint, timeLimitSeconds, TestVisibility.VISIBLE);
    }

    /** The simple name of the test class. */
    public String testClass() {
        return id.substring(0, id.indexOf('#'));
    }
}

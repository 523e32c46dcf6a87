package lockstep.engine.catalog;

import java.util.Objects;

/**
 * One graded test as the course declares it, known before any learner code runs.
 *
 * @param uniqueId the JUnit unique ID the runner selects it by
 * @param id stable, readable identifier: {@code SimpleClassName#method}
 * @param name what it checks, in words
 * @param timeLimitSeconds its wall-clock limit before the slack factor
 */
public record PlannedTest(String uniqueId, String id, String name, int points, String hint, int timeLimitSeconds) {
    public PlannedTest {
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

    /** The simple name of the test class. */
    public String testClass() {
        return id.substring(0, id.indexOf('#'));
    }
}

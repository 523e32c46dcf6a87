package lockstep.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to run: the tests (in order, with their limits already scaled), the compiled learner
 * classes, and a work folder the child JVM may use.
 */
public record RunSpec(List<TestSpec> tests, Path learnerClasses, Path workDir, Duration exerciseLimit, double slack) {
    public RunSpec {
        tests = List.copyOf(tests);
        Objects.requireNonNull(learnerClasses, "learnerClasses must not be null");
        Objects.requireNonNull(workDir, "workDir must not be null");
        Objects.requireNonNull(exerciseLimit, "exerciseLimit must not be null");
    }

    /** One test by JUnit unique ID with its wall-clock limit. */
    public record TestSpec(String uniqueId, Duration limit) {
        public TestSpec {
            Objects.requireNonNull(uniqueId, "uniqueId must not be null");
            Objects.requireNonNull(limit, "limit must not be null");
        }
    }
}

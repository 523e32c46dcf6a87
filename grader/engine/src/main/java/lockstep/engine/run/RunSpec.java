package lockstep.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to run: the tests (in order, with their limits already scaled), the compiled learner
 * classes, and a work folder the child JVM may use.
 *
 * @param learnerPackage the exercise's package, whose frames a thread dump marks as the learner's;
 *     empty when not known
 */
public record RunSpec(List<TestSpec> tests, Path learnerClasses, Path workDir, Duration exerciseLimit, double slack,
        String learnerPackage) {
    public RunSpec {
        tests = List.copyOf(tests);
        Objects.requireNonNull(learnerClasses, "learnerClasses must not be null");
        Objects.requireNonNull(workDir, "workDir must not be null");
        Objects.requireNonNull(exerciseLimit, "exerciseLimit must not be null");
        Objects.requireNonNull(learnerPackage, "learnerPackage must not be null");
    }

    /** A run whose learner package is not known: a thread dump counts every frame neither the JDK's nor the grader's as theirs. */
    public RunSpec(List<TestSpec> tests, Path learnerClasses, Path workDir, Duration exerciseLimit, double slack) {
        this(tests, learnerClasses, workDir, exerciseLimit, slack, "");
    }

    /** One test by JUnit unique ID with its wall-clock limit. */
    public record TestSpec(String uniqueId, Duration limit) {
        public TestSpec {
            Objects.requireNonNull(uniqueId, "uniqueId must not be null");
            Objects.requireNonNull(limit, "limit must not be null");
        }
    }
}

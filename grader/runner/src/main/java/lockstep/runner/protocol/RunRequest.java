package lockstep.runner.protocol;

import java.util.List;
import java.util.Objects;

/**
 * What the grader asks one child JVM to run: tests by JUnit unique ID, each with its limit.
 *
 * @param outputCapBytes how much of what one test prints is kept
 * @param learnerPackage the one package the learner's classes of this exercise live in (e.g.
 *     {@code ch10.bank}), whose frames a thread dump marks as theirs; empty when there is none (a
 *     run that only loads classes)
 */
public record RunRequest(List<TestToRun> tests, int outputCapBytes, String learnerPackage) {

    public RunRequest {
        tests = List.copyOf(tests);
        if (outputCapBytes < 0) {
            throw new IllegalArgumentException("outputCapBytes must not be negative");
        }
        Objects.requireNonNull(learnerPackage, "learnerPackage must not be null");
    }

    /** One test to run and the wall-clock limit the runner holds it to. */
    public record TestToRun(String uniqueId, long limitMillis) {
        public TestToRun {
            Objects.requireNonNull(uniqueId, "uniqueId must not be null");
            if (limitMillis <= 0) {
                throw new IllegalArgumentException("limitMillis must be positive");
            }
        }
    }
}

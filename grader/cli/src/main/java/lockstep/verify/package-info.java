/**
 * {@code ./grade verify}: the proof an instructor can rerun after editing a suite, a hint or a
 * solution. It grades the reference solutions (full marks), the templates (zero, nothing
 * crashes), every mutant (loses exactly the tests it names) and every honest variant (full
 * marks), each N times, and reports a miss, or a flake: a subject whose test verdicts differ
 * between runs.
 *
 * <p>{@link lockstep.verify.Subject} says what each kind must earn, {@link lockstep.verify.CourseTree}
 * finds the subjects in the course repository and builds their submissions, and
 * {@link lockstep.verify.Verifier} grades them, several exercises to a grading.
 */
package lockstep.verify;

package lockstep.batch;

import java.nio.file.Path;

/**
 * Grades one submission for the batch. The batch's own is {@link ChildGrader}, a grader process
 * per submission; tests give a fake, so that resuming and writing can be tested in milliseconds.
 */
@FunctionalInterface
public interface Grading {
    /**
     * Grades the folder or {@code .zip} at {@code submission}; never throws for anything the
     * submission or the grader did, but returns it as an {@link Outcome}.
     *
     * @param work a fresh folder of this grading's own, deleted after it
     * @throws InterruptedException when the batch is stopping; the grading is abandoned
     */
    Outcome grade(Path submission, Path work) throws InterruptedException;
}

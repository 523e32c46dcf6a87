package lockstep.engine;

import java.util.Optional;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.run.RunListener;
import lockstep.engine.run.RunSpec;

/** Passes one exercise's run's test events on to a {@link GradingListener}, as the course's planned tests. */
record TestProgress(Exercise exercise, GradingListener listener) implements RunListener {

    @Override
    public void testStarted(RunSpec.TestSpec test) {
        planned(test.uniqueId()).ifPresent(planned -> listener.testStarted(exercise, planned, test.limit()));
    }

    @Override
    public void testFinished(String uniqueId) {
        planned(uniqueId).ifPresent(planned -> listener.testFinished(exercise, planned));
    }

    private Optional<PlannedTest> planned(String uniqueId) {
        return exercise.tests().stream().filter(t -> t.uniqueId().equals(uniqueId)).findFirst();
    }
}

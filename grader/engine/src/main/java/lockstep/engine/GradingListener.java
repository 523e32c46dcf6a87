package lockstep.engine;

import java.time.Duration;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.result.ExerciseResult;

/**
 * Hears of grading progress, for example to show it as it happens. Every method does nothing by
 * default, and is called on the thread that grades.
 */
public interface GradingListener {
    GradingListener NONE = new GradingListener() {};

    default void exerciseStarted(Exercise exercise) {}

    /** The test JVM started {@code test} of {@code exercise}, which it stops after {@code limit} (the slack factor applied). */
    default void testStarted(Exercise exercise, PlannedTest test, Duration limit) {}

    /** A test that started has ended, however it did: passed or failed, timed out, or its JVM died or was stopped. */
    default void testFinished(Exercise exercise, PlannedTest test) {}

    default void exerciseFinished(ExerciseResult result) {}

    /** This listener, then {@code next}, for every event. */
    default GradingListener andThen(GradingListener next) {
        GradingListener first = this;
        return new GradingListener() {
            @Override
            public void exerciseStarted(Exercise exercise) {
                first.exerciseStarted(exercise);
                next.exerciseStarted(exercise);
            }

            @Override
            public void testStarted(Exercise exercise, PlannedTest test, Duration limit) {
                first.testStarted(exercise, test, limit);
                next.testStarted(exercise, test, limit);
            }

            @Override
            public void testFinished(Exercise exercise, PlannedTest test) {
                first.testFinished(exercise, test);
                next.testFinished(exercise, test);
            }

            @Override
            public void exerciseFinished(ExerciseResult result) {
                first.exerciseFinished(result);
                next.exerciseFinished(result);
            }
        };
    }
}

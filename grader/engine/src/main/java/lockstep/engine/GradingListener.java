package lockstep.engine;

import lockstep.engine.catalog.Exercise;
import lockstep.engine.result.ExerciseResult;

/** Hears of grading progress, for example to show it as it happens. Every method does nothing by default. */
public interface GradingListener {
    GradingListener NONE = new GradingListener() {};

    default void exerciseStarted(Exercise exercise) {}

    default void exerciseFinished(ExerciseResult result) {}
}

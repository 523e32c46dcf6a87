package lockstep.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to grade: a submission, which exercises (all when none are named), how much slack to
 * give time bounds on a slow machine, and who hears of progress. Immutable; build with
 * {@link #builder(Path)}:
 *
 * <pre>{@code
 * GradeReport report = grader.grade(GradeRequest.builder(Path.of("templates"))
 *         .exercise("mutex")
 *         .build());
 * }</pre>
 *
 * @param slack the factor every time limit and time bound is multiplied by, at least 1
 * @param staticPolicy whether compiled classes are checked against the static policy before they
 *     run; always on, except in Lockstep's own tests of the layers behind it (see
 *     {@link Builder#staticPolicy(boolean)})
 */
public record GradeRequest(Path submission, List<String> exercises, double slack, GradingListener listener,
        boolean staticPolicy) {
    public GradeRequest {
        Objects.requireNonNull(submission, "submission must not be null");
        exercises = List.copyOf(exercises);
        Objects.requireNonNull(listener, "listener must not be null");
        if (!(slack >= 1.0 && slack <= 20.0)) {
            throw new IllegalArgumentException("slack must be between 1 and 20, not " + slack);
        }
    }

    public static Builder builder(Path submission) {
        return new Builder(submission);
    }

    /** Builds a {@link GradeRequest}. */
    public static final class Builder {
        private final Path submission;
        private final List<String> exercises = new ArrayList<>();
        private double slack = 1.0;
        private GradingListener listener = GradingListener.NONE;
        private boolean staticPolicy = true;

        private Builder(Path submission) {
            this.submission = Objects.requireNonNull(submission, "submission must not be null");
        }

        /** Grades this exercise (by id); call once per exercise, or never for all of them. */
        public Builder exercise(String id) {
            exercises.add(Objects.requireNonNull(id, "id must not be null"));
            return this;
        }

        public Builder exercises(List<String> ids) {
            ids.forEach(this::exercise);
            return this;
        }

        public Builder slack(double slack) {
            this.slack = slack;
            return this;
        }

        public Builder listener(GradingListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /**
         * Whether to check compiled classes against the static policy (on by default). Turning it
         * off is only for testing the layers behind the policy (the test JVM, the watchdog, the
         * sealed event channel, the output caps) against code the policy would have rejected; the
         * command line never turns it off.
         */
        public Builder staticPolicy(boolean on) {
            this.staticPolicy = on;
            return this;
        }

        public GradeRequest build() {
            return new GradeRequest(submission, exercises, slack, listener, staticPolicy);
        }
    }
}

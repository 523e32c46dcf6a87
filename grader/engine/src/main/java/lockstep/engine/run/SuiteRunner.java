package lockstep.engine.run;

/** Runs one exercise's suite in child JVMs and reports every planned test. */
public interface SuiteRunner {

    /**
     * Starts the first test JVM for {@code spec} at once, so that it boots while the caller still
     * compiles into {@code spec.learnerClasses()}; no learner code runs before {@link Prepared#run(RunListener)}.
     */
    Prepared prepare(RunSpec spec);

    /**
     * As {@link #prepare(RunSpec)}, for a run that waits for a grading not yet asked for (the next one
     * of a watch or a batch): its JVM may spend the idle time warming up.
     */
    default Prepared prepareAhead(RunSpec spec) {
        return prepare(spec);
    }

    /** Runs {@code spec}; never throws for anything the learner's code does. */
    default RunResult run(RunSpec spec) {
        try (Prepared prepared = prepare(spec)) {
            return prepared.run(RunListener.NONE);
        }
    }

    /**
     * Whether the test JVMs keep the runner, JUnit and the suites out of the learner's reach
     * (named modules that export nothing to the class path); false unless a runner says so.
     */
    default boolean encapsulatesJvm() {
        return false;
    }

    /** A runner that starts child JVMs as {@code options} say. */
    static SuiteRunner create(JvmOptions options) {
        return new ChildJvmRunner(options);
    }

    /** A run whose first JVM is starting; close it to give the run up without running anything. */
    interface Prepared extends AutoCloseable {
        /**
         * Lets the first JVM find the tests now that the learner classes are compiled, and waits
         * (bounded) until it has, so that {@link #run(RunListener)} starts at once; optional. No learner code
         * runs before {@link #run(RunListener)}.
         */
        void load();

        /**
         * Runs the suite; call at most once, once the learner classes are compiled.
         *
         * @param listener hears of each test as it starts and ends, on the calling thread
         */
        RunResult run(RunListener listener);

        /**
         * Whether {@link #run(RunListener)} can still start on the JVM this run booted: false once that
         * JVM is gone (it failed to start, or died while it waited, e.g. killed by the system), so that
         * a caller holding a run booted ahead prepares a fresh one instead of reporting a crash.
         */
        boolean usable();

        /** Kills any JVM still running for this run. */
        @Override
        void close();
    }
}

package lockstep.engine.run;

/** Runs one exercise's suite in child JVMs and reports every planned test. */
public interface SuiteRunner {

    /** Runs {@code spec}; never throws for anything the learner's code does. */
    RunResult run(RunSpec spec);

    /** A runner that starts child JVMs as {@code options} say. */
    static SuiteRunner create(JvmOptions options) {
        return new ChildJvmRunner(options);
    }
}

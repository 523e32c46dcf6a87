package lockstep.engine.sandbox;

/** Whether grading uses an OS sandbox. */
public enum SandboxMode {
    /** Use one when this machine can; grade without one otherwise, and say so in the report. */
    AUTO,
    /** Refuse to grade without one: for course platforms that insist. */
    REQUIRED,
    /** Never use one. */
    OFF
}

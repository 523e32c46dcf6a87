package lockstep.runner.protocol;

/** A learner's copy that would accept any frame. */
public final class Seal {
    public static final int KEY_BYTES = 32;
}

package lockstep.engine.sandbox;

/** An OS sandbox was required, and this machine cannot give one; the message says why. */
public final class SandboxUnavailableException extends IllegalStateException {
    public SandboxUnavailableException(String message) {
        super(message);
    }
}

package lockstep.cli;


/** Starts the {@code grade} command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(LockstepCommand.commandLine().execute(args));
    }
}

package lockstep.runner;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lockstep.runner.protocol.Event;
import lockstep.runner.protocol.RunRequest;
import lockstep.runner.protocol.Seal;
import lockstep.runner.protocol.Wire;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestPlan;

/**
 * The child JVM's entry point: reads one {@link RunRequest} from standard input, runs those tests
 * and streams events on the original standard output.
 *
 * <p>Before any test class loads, {@code System.out} and {@code System.err} are replaced by a
 * capture, so whatever learner code prints is kept per test and never mixes with the events.
 */
public final class RunnerMain {
    /**
     * Exit status after a test overran its limit and the runner stopped the JVM (not 3, which is the
     * JVM's own status when it stops itself at an OutOfMemoryError).
     */
    public static final int EXIT_TIMED_OUT = 4;
    /** Exit status after a test threw what JUnit lets through (an OutOfMemoryError the code threw itself). */
    public static final int EXIT_UNRECOVERABLE = 5;

    private RunnerMain() {}

    public static void main(String[] args) throws Exception {
        DataOutputStream events = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream in = new DataInputStream(new FileInputStream(FileDescriptor.in));
        // The key comes first, before any class of the suite or the learner is loaded.
        Seal seal = new Seal(Seal.readKey(in));
        // The JVM may be started before the learner's classes are compiled: load JUnit while the
        // grader compiles, then wait for the request, which comes once the classes are in place.
        Launcher launcher = IsolatedLauncher.create();
        if (WarmUp.wanted()) {
            WarmUp.runQuietly(launcher);
        }
        RunRequest request = Wire.readRequest(in);
        OutputCapture capture = new OutputCapture(request.outputCapBytes());
        // The JVM's real standard error, out of the learner's reach once System.err is the capture.
        PrintStream jvmErr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(capture, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture, true, StandardCharsets.UTF_8));
        EventSink sink = new EventSink(events, seal);
        SuiteRun run = new SuiteRun(request, sink, capture);
        // Discovery loads the suite but runs no learner code; the tests wait for the grader's go,
        // which comes when this exercise's turn does.
        TestPlan plan = run.discover(launcher);
        sink.send(new Event.Ready());
        if (in.read() != Wire.GO) {
            Runtime.getRuntime().halt(0);
        }
        try {
            run.execute(launcher, plan);
        } catch (Throwable unrecoverable) {
            // JUnit lets through what it deems unrecoverable (an OutOfMemoryError the code threw
            // itself; one the JVM raises stops the JVM first); the grader names the test that was
            // running. Only the type is printed: the message is the code's own.
            jvmErr.println("the tests stopped on an uncaught " + unrecoverable.getClass().getName());
            Runtime.getRuntime().halt(EXIT_UNRECOVERABLE);
        }
        sink.close();
        // Learner threads that never end must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }
}

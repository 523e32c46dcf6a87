package lockstep.runner;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import lockstep.runner.protocol.RunRequest;
import lockstep.runner.protocol.Wire;
import org.junit.platform.launcher.Launcher;

/**
 * The child JVM's entry point: reads one {@link RunRequest} from standard input, runs those tests
 * and streams events on the original standard output.
 *
 * <p>Before any test class loads, {@code System.out} and {@code System.err} are replaced by a
 * capture, so whatever learner code prints is kept per test and never mixes with the events.
 */
public final class RunnerMain {
    /** Exit status after a test overran its limit and the runner stopped the JVM. */
    public static final int EXIT_TIMED_OUT = 3;

    private RunnerMain() {}

    public static void main(String[] args) throws Exception {
        DataOutputStream events = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        // The JVM may be started before the learner's classes are compiled: load JUnit while the
        // grader compiles, then wait for the request, which comes once the classes are in place.
        Launcher launcher = SuiteRun.launcher();
        RunRequest request = Wire.readRequest(new DataInputStream(new FileInputStream(FileDescriptor.in)));
        OutputCapture capture = new OutputCapture(request.outputCapBytes());
        System.setOut(new PrintStream(capture, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture, true, StandardCharsets.UTF_8));
        EventSink sink = new EventSink(events);
        new SuiteRun(request, sink, capture).run(launcher);
        sink.close();
        // Learner threads that never end must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }
}

package lockstep.engine.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lockstep.engine.sandbox.Confined;
import lockstep.engine.sandbox.Sandbox;
import lockstep.runner.RunnerMain;
import lockstep.runner.protocol.Event;
import lockstep.runner.protocol.RunRequest;
import lockstep.runner.protocol.Seal;
import lockstep.runner.protocol.Wire;

/**
 * One child JVM running the runner: started with a cleared environment and the limits of
 * {@link JvmOptions}, confined by their {@link Sandbox}, its events read on a thread of their own,
 * its standard error kept up to a cap, and its whole process tree killed on {@link #close()}.
 */
final class ChildProcess implements AutoCloseable {
    private static final int STDERR_CAP = 8 * 1024;

    /** What the event reader hands over: an event, or the end of the stream. */
    sealed interface Item permits Item.Got, Item.Closed {
        record Got(Event event) implements Item {}

        /** The stream ended; {@code error} says why when it was not a clean end. */
        record Closed(Optional<ChannelError> error) implements Item {}
    }

    private final Confined confined;
    private final Process process;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final java.util.Queue<Item> pushedBack = new java.util.ArrayDeque<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread errorDrain;
    private long startedNanos = System.nanoTime();
    private final DataOutputStream stdin;
    private final Seal seal;
    private boolean requested;

    private ChildProcess(Confined confined, byte[] key) {
        this.confined = confined;
        this.process = confined.process();
        this.stdin = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.seal = new Seal(key);
        try {
            stdin.write(key);
            stdin.flush();
        } catch (IOException e) {
            // The JVM died at once; the event stream will say it closed.
        }
        Thread.ofPlatform().daemon().name("lockstep-events-" + process.pid()).start(this::readEvents);
        errorDrain = Thread.ofPlatform().daemon().name("lockstep-stderr-" + process.pid()).start(this::drainStderr);
    }

    /** The JVM argument that makes the runner warm up before it reads its request ({@code WarmUp} in the runner). */
    static final List<String> WARM_UP = List.of("-Dlockstep.warmUp=true");

    /** Starts a test JVM for {@code spec}; it loads JUnit, then waits for {@link #send(RunRequest)}. */
    static ChildProcess spawn(JvmOptions options, RunSpec spec) throws IOException {
        return spawn(options, spec, List.of());
    }

    static ChildProcess spawn(JvmOptions options, RunSpec spec, List<String> extraJvmArguments) throws IOException {
        return spawn(options, Optional.of(spec.learnerClasses()), spec.workDir(), spec.slack(), extraJvmArguments);
    }

    /**
     * Starts a JVM running the runner.
     *
     * @param learnerClasses put after the runner's class path; empty for a training run
     * @param extraJvmArguments put before the class path
     */
    static ChildProcess spawn(JvmOptions options, Optional<Path> learnerClasses, Path workDir, double slack,
            List<String> extraJvmArguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        // JVM warnings go to stderr: standard output carries the events and nothing else.
        command.add("-Xlog:disable");
        command.add("-Xlog:all=warning:stderr");
        // CDS reports at error level that the runner's module options disable its optimized module
        // graph; it still maps the archive, and a learner reading a crash's stderr need not see that.
        command.add("-Xlog:cds=off:stderr");
        options.classData().filter(java.nio.file.Files::isRegularFile)
                .ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
        command.add("-Xmx" + options.maxHeapMb() + "m");
        command.add("-Xss" + options.threadStackKb() + "k");
        command.add("-XX:MaxDirectMemorySize=" + options.maxDirectMemoryMb() + "m");
        command.add("-XX:+UseSerialGC");
        // At the first OutOfMemoryError the JVM raises, it stops itself with status 3 and says so on
        // stderr (JvmExit), rather than run on with a heap too full for the runner to report anything.
        // The JVM's own messages, that one included, go to stderr: stdout carries the events alone.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-XX:-UsePerfData");
        command.add("-Xshare:auto");
        RunnerPath runner = RunnerPath.of(options.runnerClasspath());
        command.addAll(Encapsulation.options(options.java(), runner, options.jdkModules()));
        command.addAll(extraJvmArguments);
        command.add("-Djava.io.tmpdir=" + options.sandbox().workDir(workDir));
        command.add("-Dlockstep.slack=" + slack);
        command.add("-Dfile.encoding=UTF-8");
        List<Path> classpath = new ArrayList<>(runner.classes());
        learnerClasses.ifPresent(classpath::add);
        if (!classpath.isEmpty()) {
            command.add("-cp");
            command.add(joined(classpath));
        }
        if (runner.modular()) {
            command.add("-p");
            command.add(joined(runner.modules()));
            command.add("-m");
            command.add(RunnerPath.MAIN);
        } else {
            command.add(RunnerMain.class.getName());
        }
        List<Path> readable = new ArrayList<>(options.readable());
        learnerClasses.ifPresent(readable::add);
        Sandbox.Launch launch = new Sandbox.Launch(command, options.java(), readable, workDir, java.util.Map.of("LANG", "C.UTF-8"));
        return new ChildProcess(options.sandbox().start(launch), Seal.newKey());
    }

    private static String joined(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /** Sends the tests to run; the JVM finds them, then waits for {@link #go()}. At most once. */
    void send(RunRequest request) {
        if (requested) {
            throw new IllegalStateException("the request was sent already");
        }
        requested = true;
        try {
            Wire.write(stdin, request);
            stdin.flush();
        } catch (IOException e) {
            // The JVM died before reading its request; the event stream will say it closed.
        }
    }

    /** Lets the tests start; restarts the clock of {@link #startedNanos()}. */
    void go() {
        startedNanos = System.nanoTime();
        try (stdin) {
            stdin.write(Wire.GO);
        } catch (IOException e) {
            // As above: the event stream will say how it ended.
        }
    }

    boolean requested() {
        return requested;
    }

    /** The next item, or null if none came within the timeout. */
    Item poll(long timeoutNanos) throws InterruptedException {
        Item early = pushedBack.poll();
        return early != null ? early : items.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until the JVM has found the requested tests, at most {@code millis}; anything else it
     * reports meanwhile (it died, say) is kept for {@link #poll(long)}.
     */
    void awaitReady(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Item item = items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null || item instanceof Item.Got(Event.Ready ready)) {
                return;
            }
            pushedBack.add(item);
            if (item instanceof Item.Closed) {
                return;
            }
        }
    }

    /** When the request was sent, or the JVM started if none was sent yet. */
    long startedNanos() {
        return startedNanos;
    }

    /** Whether the JVM (or the sandbox it runs in) is still running. */
    boolean alive() {
        return process.isAlive();
    }

    /** Waits a little for the JVM to exit on its own; returns its exit code, or -1 if it is still running. */
    int awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** What the JVM wrote on standard error, capped. */
    String stderr() throws InterruptedException {
        errorDrain.join(1_000);
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8).strip();
        }
    }

    /** Kills the JVM and every process it started; see {@link Confined#close()}. */
    @Override
    public void close() {
        confined.close();
    }

    private void readEvents() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
            while (true) {
                Optional<Event> event = seal.read(in);
                if (event.isEmpty()) {
                    items.add(new Item.Closed(Optional.empty()));
                    return;
                }
                items.add(new Item.Got(event.get()));
            }
        } catch (IOException e) {
            ChannelError.Kind kind = e instanceof Seal.TamperedException ? ChannelError.Kind.TAMPERED : ChannelError.Kind.UNREADABLE;
            items.add(new Item.Closed(Wire.isTruncation(e) ? Optional.empty()
                    : Optional.of(new ChannelError(kind, String.valueOf(e.getMessage())))));
        }
    }

    private void drainStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buffer)) >= 0) {
                synchronized (stderr) {
                    int keep = Math.min(n, STDERR_CAP - stderr.size());
                    if (keep > 0) {
                        stderr.write(buffer, 0, keep);
                    }
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        }
    }
}

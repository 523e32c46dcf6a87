package lockstep.cli.acceptance;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Another process keeping one core busy, bounded in time, for checks under load. */
final class BusyCore implements AutoCloseable {
    private final Process process;

    private BusyCore(Process process) {
        this.process = process;
    }

    /** Starts a shell loop that burns one core for at most {@code seconds}. */
    static BusyCore start(int seconds) throws IOException {
        Process p = new ProcessBuilder("timeout", String.valueOf(seconds), "sh", "-c", "while :; do :; done")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new BusyCore(p);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}

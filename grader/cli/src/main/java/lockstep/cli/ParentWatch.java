package lockstep.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * For a grader that {@code ./grade batch} started ({@code --die-with-stdin}): halts it, and ends
 * its test JVMs, as soon as its standard input ends. The batch holds the other end of that pipe
 * open for as long as it wants the grader, and the operating system closes it when the batch
 * dies, even by kill -9, so no grader outlives the batch that started it.
 */
final class ParentWatch {
    private ParentWatch() {}

    static void start(InputStream stdin) {
        Thread.ofPlatform().daemon().name("lockstep-parent-watch").start(() -> {
            try {
                while (stdin.read() >= 0) {
                    // Nothing is ever sent; only the end matters.
                }
            } catch (IOException e) {
                // A broken pipe is an end too.
            }
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(ExitCode.GRADER_FAILED.code);
        });
    }
}

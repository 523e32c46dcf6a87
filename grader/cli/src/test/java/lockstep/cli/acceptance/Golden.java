package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Golden outputs: text reports pinned in {@code src/test/resources/golden/}, so that what a learner
 * reads changes only on purpose. The machine's sandbox line is never pinned.
 */
final class Golden {
    private Golden() {}

    /** The pinned text {@code name} ({@code golden/<name>}). */
    static String read(String name) {
        String resource = "golden/" + name;
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code text} with what differs from run to run masked: identity hash codes in thread dumps and
     * messages ({@code ReentrantLock@3d509902} reads {@code ReentrantLock@<hash>}) and the ports of the
     * test's loopback servers ({@code 127.0.0.1:<port>}).
     */
    static String masked(String text) {
        return text.replaceAll("(?<=[\\w$])@[0-9a-f]{1,8}\\b", "@<hash>").replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>");
    }

    /** {@code text} without its sandbox line, with LF line ends. */
    static String withoutSandboxLine(String text) {
        return text.lines().filter(line -> !line.startsWith("Sandbox: ")).collect(Collectors.joining("\n", "", "\n"));
    }
}

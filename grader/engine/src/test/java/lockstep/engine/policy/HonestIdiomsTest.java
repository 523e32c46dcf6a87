package lockstep.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of honest idioms (one small source each in {@code idioms/} beside this class's
 * resources): every one compiles and passes the policy, since a rejection costs a learner the whole
 * exercise.
 */
class HonestIdiomsTest {
    private static final Path IDIOMS = idioms();

    @TempDir
    Path classes;

    static Stream<String> idiomNames() throws IOException {
        try (Stream<Path> files = Files.list(IDIOMS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idiomNames")
    void passesThePolicy(String idiom) throws IOException {
        String source = Files.readString(IDIOMS.resolve(idiom + ".java"));

        PolicyResult result = PolicyFixture.check(classes, idiom, source, List.of());

        assertThat(result.violations()).extracting(Violation::describe).as(idiom).isEmpty();
    }

    @Test
    void theCorpusCoversTheIdiomsOfTheChapter() throws IOException {
        assertThat(idiomNames().toList()).contains("VarHandleCas", "FieldUpdaters", "ThreadWithGroupAndStackSize",
                "BuilderStackSize", "ThreadLocals", "ParkAndUnpark", "StampedLocks", "Phasers", "Exchangers",
                "SerializableException", "SerializableRecord", "LineSeparator", "AvailableProcessors",
                "SystemLoggerToConsole", "JulLoggerToConsole", "ForkJoinSum", "FairLocks");
    }

    private static Path idioms() {
        try {
            return Path.of(HonestIdiomsTest.class.getResource("idioms").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

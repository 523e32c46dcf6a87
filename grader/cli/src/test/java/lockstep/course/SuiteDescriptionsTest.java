package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every explanation a suite attaches to an assertion reaches the learner: no description comes after
 * a call that has already failed ({@link LateDescriptions}), in any exercise's suite or the testkit.
 */
class SuiteDescriptionsTest {
    private static final Path REPO = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath().normalize();

    @Test
    void noSuiteOrTestkitClassDescribesAnAssertionTooLate() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> suites = Files.walk(REPO.resolve("exercises"));
                Stream<Path> testkit = Files.walk(REPO.resolve("grader/testkit/src/main/java"))) {
            Stream.concat(suites.filter(p -> p.toString().contains("/tests/") && !p.toString().contains("/target/")), testkit)
                    .filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        List<LateDescriptions.Late> late = new ArrayList<>();
        for (Path source : sources) {
            late.addAll(LateDescriptions.find(REPO.relativize(source).toString(), Files.readString(source)));
        }

        assertThat(sources).as("suite sources found under %s", REPO).hasSizeGreaterThan(8);
        assertThat(late).as("descriptions no failure carries (pass them to assertThatThrownBy(code, description), "
                + "or describe before the assertion)").isEmpty();
    }

    @Test
    void aDescriptionAfterAssertThatThrownByOrIsThrownByIsTooLate() throws IOException {
        List<LateDescriptions.Late> late = LateDescriptions.find("A.java", """
                class A {
                    void t() {
                        assertThatThrownBy(() -> run()).as("run()").isInstanceOf(IllegalStateException.class);
                        assertThatThrownBy(() -> run())
                                .isInstanceOf(IllegalStateException.class)
                                .describedAs("run() again").hasMessage("x");
                        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> run()).as("third");
                    }
                }
                """);

        assertThat(late).extracting(LateDescriptions.Late::toString).containsExactly(
                "A.java:3: .as(...) comes after assertThatThrownBy(...), which fails before reading it",
                "A.java:6: .describedAs(...) comes after assertThatThrownBy(...), which fails before reading it",
                "A.java:7: .as(...) comes after isThrownBy(...), which fails before reading it",
                "A.java:7: .as(...) ends the chain: no assertion after it uses it");
    }

    @Test
    void aDescriptionAfterTheLastAssertionIsTooLate() throws IOException {
        List<LateDescriptions.Late> late = LateDescriptions.find("B.java", """
                class B {
                    void t() {
                        assertThat(1 + 1).isEqualTo(2).as("sum");
                        assertThat(List.of(1)).hasSize(1).withFailMessage("size %s", 1);
                    }
                }
                """);

        assertThat(late).extracting(LateDescriptions.Late::line).containsExactly(3L, 4L);
    }

    @Test
    void descriptionsGivenInTimeAreFine() throws IOException {
        List<LateDescriptions.Late> late = LateDescriptions.find("C.java", """
                class C {
                    void t() {
                        assertThatThrownBy(() -> run(), "run() with %s", "null").isInstanceOf(NullPointerException.class);
                        assertThatExceptionOfType(IllegalStateException.class).as("run()").isThrownBy(() -> run());
                        assertThatCode(() -> run()).as("run()").doesNotThrowAnyException();
                        assertThat(1 + 1).as("sum").isEqualTo(2);
                        assertThat(List.of(1)).as("list").hasSize(1).extracting(l -> l.get(0)).as("first").isEqualTo(1);
                        assertThat(result.as("not AssertJ")).isTrue();
                    }
                }
                """);

        assertThat(late).isEmpty();
    }
}

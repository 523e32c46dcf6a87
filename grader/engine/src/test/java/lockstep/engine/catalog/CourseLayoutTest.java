package lockstep.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course of one exercise in three folders, laid out right and then wrong in one place each. */
class CourseLayoutTest {
    private static final String GIVEN = "package ch10.demo;\n\npublic final class Given {}\n";

    @TempDir
    Path repo;

    @BeforeEach
    void course() throws IOException {
        write("exercises/demo/exercise.json", """
                {"id": "demo", "title": "Demo: one of a kind", "package": "ch10.demo", "order": 1,
                 "learnerClasses": ["Thing"], "hints": [], "jdkModules": ["java.net.http"]}
                """);
        write("exercises/demo/README.md", "# Demo\n");
        write("exercises/demo/tests/ch10/demo/tests/ThingTest.java", "package ch10.demo.tests;\n");
        write("exercises/demo/given/ch10/demo/Given.java", GIVEN);
        write("solutions/ch10/demo/Thing.java", "package ch10.demo;\n");
        write("templates/ch10/demo/Thing.java", "package ch10.demo;\n");
        write("templates/ch10/demo/Given.java", GIVEN);
        write("README.md", "# Course\n\n" + CourseLayout.TABLE_START + "\nold rows\n" + CourseLayout.TABLE_END + "\n\nMore.\n");
    }

    @Test
    void aCourseLaidOutRightPassesAndGetsItsTableWritten() throws IOException {
        assertThat(CourseLayout.problems(repo)).isEmpty();

        CourseLayout.main(new String[] {"check", repo.toString()});

        assertThat(Files.readString(repo.resolve("README.md"))).isEqualTo("# Course\n\n" + CourseLayout.TABLE_START + "\n"
                + "| # | id | title | package | learner classes |\n"
                + "|---|----|-------|---------|-----------------|\n"
                + "| 1 | `demo` | Demo: one of a kind | `ch10.demo` | `Thing` |\n"
                + CourseLayout.TABLE_END + "\n\nMore.\n");
    }

    @Test
    void eachMissingPieceOfAnExerciseIsNamedWithWhereItGoes() throws IOException {
        for (String piece : List.of("solutions/ch10/demo/Thing.java", "templates/ch10/demo/Thing.java",
                "exercises/demo/tests/ch10/demo/tests/ThingTest.java", "exercises/demo/README.md")) {
            Files.delete(repo.resolve(piece));
        }

        assertThat(CourseLayout.problems(repo)).satisfiesExactly(
                p -> assertThat(p).startsWith("exercises/demo/README.md: missing"),
                p -> assertThat(p).startsWith("exercises/demo/tests/ch10/demo/tests/: no *Test.java"),
                p -> assertThat(p).startsWith("solutions/ch10/demo/Thing.java: missing"),
                p -> assertThat(p).startsWith("templates/ch10/demo/Thing.java: missing"));
    }

    @Test
    void aTemplateCopyOfAGivenClassMustMatchIt() throws IOException {
        write("templates/ch10/demo/Given.java", GIVEN + "// changed\n");
        assertThat(CourseLayout.problems(repo)).containsExactly("templates/ch10/demo/Given.java: differs from "
                + "exercises/demo/given/ch10/demo/Given.java: copy it there again (the course's copy is graded)");

        Files.delete(repo.resolve("templates/ch10/demo/Given.java"));
        assertThat(CourseLayout.problems(repo)).singleElement().asString()
                .startsWith("templates/ch10/demo/Given.java: missing: copy exercises/demo/given/ch10/demo/Given.java there");
    }

    @Test
    void aSolutionOrTemplateFolderOfNoExerciseIsNamed() throws IOException {
        write("solutions/ch10/other/Other.java", "package ch10.other;\n");
        Files.move(repo.resolve("exercises/demo"), repo.resolve("moved"));

        assertThat(CourseLayout.problems(repo)).containsExactly(
                "solutions/ch10/demo/: no exercise has package ch10.demo: add exercises/<id>/exercise.json with "
                        + "\"package\": \"ch10.demo\" (or remove the folder)",
                "solutions/ch10/other/: no exercise has package ch10.other: add exercises/<id>/exercise.json with "
                        + "\"package\": \"ch10.other\" (or remove the folder)",
                "templates/ch10/demo/: no exercise has package ch10.demo: add exercises/<id>/exercise.json with "
                        + "\"package\": \"ch10.demo\" (or remove the folder)");
    }

    @Test
    void anExerciseFolderNeedsItsJsonAndOnlyJdkModules() throws IOException {
        write("exercises/stray/tests/Stray.java", "");
        write("exercises/demo/exercise.json", """
                {"id": "demo", "title": "Demo", "package": "ch10.demo", "order": 1,
                 "learnerClasses": ["Thing"], "jdkModules": ["java.nothing"]}
                """);

        assertThat(CourseLayout.problems(repo)).satisfiesExactly(
                p -> assertThat(p).isEqualTo("exercises/demo/exercise.json: \"jdkModules\" names java.nothing, "
                        + "which is no module of this JDK"),
                p -> assertThat(p).startsWith("exercises/stray/: no exercise.json"));
    }

    @Test
    void anExerciseJsonMustBeReadableAndNameItsFolder() throws IOException {
        write("exercises/broken/exercise.json", "{\"id\": ");
        write("exercises/named/exercise.json", "{\"id\": \"other\", \"package\": \"ch10.other\"}");

        assertThat(CourseLayout.problems(repo)).satisfiesExactly(
                p -> assertThat(p).startsWith("exercises/broken/exercise.json: not readable as an exercise: "),
                p -> assertThat(p).isEqualTo("exercises/named/exercise.json: its id is other: an exercise's id is its folder's name"));
    }

    @Test
    void theBuildFailsListingEveryProblem() throws IOException {
        Files.delete(repo.resolve("solutions/ch10/demo/Thing.java"));
        write("README.md", "# Course without a table\n");

        assertThatThrownBy(() -> CourseLayout.main(new String[] {"check", repo.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\n  - solutions/ch10/demo/Thing.java: missing")
                .hasMessageContaining("\n  - README.md: the lines " + CourseLayout.TABLE_START);
    }

    @Test
    void theSuitesModuleRequiresTheJdkModulesAndOpensEachSuiteToJUnit() throws IOException {
        Path out = repo.resolve("out");
        CourseLayout.main(new String[] {"module-info", repo.resolve("exercises").toString(), out.toString()});

        assertThat(Files.readString(out.resolve("module-info.java")))
                .contains("module lockstep.suites {\n    requires awaitility;\n    requires java.net.http;\n")
                .contains("    requires lockstep.testkit;\n")
                .endsWith("\n    opens ch10.demo.tests to org.junit.platform.commons;\n}\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

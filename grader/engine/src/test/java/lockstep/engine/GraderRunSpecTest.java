package lockstep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.result.TestVisibility;
import lockstep.engine.run.RunSpec;
import org.junit.jupiter.api.Test;

/** The test JVM runs an exercise's tests in their run order, whatever order the catalog lists them in. */
class GraderRunSpecTest {
    private static PlannedTest test(String method, int runOrder) {
        return new PlannedTest("[engine:junit-jupiter]/[method:" + method + "]", "ATest#" + method, method, 1, "h", 10,
                TestVisibility.VISIBLE, runOrder);
    }

    @Test
    void theTestsGoToTheTestJvmInTheirRunOrderWithTheirLimitsScaled() {
        Exercise exercise = new Exercise("demo", "Demo", "ch10.demo", 1, List.of("A"), List.of(), List.of(), 60, List.of(),
                List.of(), List.of(test("listedFirst", 2), test("listedSecond", 0), test("listedThird", 1)));

        RunSpec spec = Grader.runSpec(exercise, Path.of("classes"), Path.of("tmp"), 2);

        assertThat(spec.tests()).extracting(RunSpec.TestSpec::uniqueId).containsExactly(
                "[engine:junit-jupiter]/[method:listedSecond]", "[engine:junit-jupiter]/[method:listedThird]",
                "[engine:junit-jupiter]/[method:listedFirst]");
        assertThat(spec.tests()).extracting(RunSpec.TestSpec::limit).containsOnly(Duration.ofSeconds(20));
        assertThat(spec.exerciseLimit()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void testsOfAnOlderCatalogWithoutRunOrderRunAsListed() {
        Exercise exercise = new Exercise("demo", "Demo", "ch10.demo", 1, List.of("A"), List.of(), List.of(), 60, List.of(),
                List.of(), List.of(test("a", 0), test("b", 0), test("c", 0)));

        assertThat(Grader.runSpec(exercise, Path.of("classes"), Path.of("tmp"), 1).tests()).extracting(RunSpec.TestSpec::uniqueId)
                .containsExactly("[engine:junit-jupiter]/[method:a]", "[engine:junit-jupiter]/[method:b]",
                        "[engine:junit-jupiter]/[method:c]");
    }
}

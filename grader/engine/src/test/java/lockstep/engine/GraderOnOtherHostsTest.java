package lockstep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import lockstep.engine.catalog.TestCatalogs;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.sandbox.Host;
import lockstep.engine.sandbox.SandboxMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real grading (compile, a test JVM, a small suite) on a machine that lacks one of the pieces a
 * Linux machine gives the sandbox ({@code setsid}, bubblewrap, cgroups, {@code /proc}), as macOS,
 * Windows or a bare container do: each is reported missing in turn, grading still ends with a
 * verdict, and the containment line says what fell back and why.
 */
@Timeout(180)
class GraderOnOtherHostsTest {
    private static final String SUITE = "[engine:junit-jupiter]/[class:lockstep.engine.run.fixture.FixtureSuite]";

    @TempDir
    Path submission;

    @Test
    void withoutBubblewrapTheTestsRunUnconfinedAndTheLineSaysWhy() throws IOException {
        String line = gradeOn(Host.detect().withoutBubblewrap(), SandboxMode.AUTO);

        assertThat(line).startsWith("Sandbox: none (bwrap not found (install the bubblewrap package)");
    }

    @Test
    void withoutCgroupsThereAreNoLimitsAndTheLineSaysWhy() throws IOException {
        String line = gradeOn(Host.detect().withoutCgroups(), SandboxMode.AUTO);

        assertThat(line).endsWith("; limits: unavailable: no cgroups on this system\n");
    }

    @Test
    void withoutProcNeitherBubblewrapNorTheProcessGroupNorCgroupsAndTheLineSaysSo() throws IOException {
        String line = gradeOn(Host.detect().withoutProc(), SandboxMode.AUTO);

        assertThat(line).matches("Sandbox: none \\((no /proc, which bwrap needs|bwrap not found \\(install the bubblewrap package\\))"
                + "; no process group \\((setsid not found, )?no /proc\\), so nothing catches a process the tests start and orphan\\)"
                + "; limits: unavailable: no /proc, where the grader finds its own cgroups\n");
    }

    /** setsid serves only an unconfined test JVM (bubblewrap has a session and pid namespace of its own), so this grades without it. */
    @Test
    void withoutSetsidAnUnconfinedTestJvmLeadsNoProcessGroupAndTheLineSaysWhatThatCosts() throws IOException {
        String line = gradeOn(Host.detect().withoutSetsid(), SandboxMode.OFF);

        assertThat(line).matches("Sandbox: none \\(--sandbox=off was given; no process group \\(setsid not found\\), so "
                + "(only the cgroups catch|nothing catches) a process the tests start and orphan\\); limits: .+\n");
    }

    /** Grades a small exercise (one passing test of 2 points, one failing of 1) on {@code host}; returns the verbose containment line. */
    private String gradeOn(Host host, SandboxMode mode) throws IOException {
        Files.createDirectories(submission.resolve("ch10/fine"));
        Files.writeString(submission.resolve("ch10/fine/Fine.java"), "package ch10.fine;\npublic class Fine { public int answer() { return 42; } }\n");
        Exercise fine = new Exercise("fine", "Exercise fine", "ch10.fine", 1, List.of("Fine"), List.of(), List.of(), 60, List.of(),
                List.of(), List.of(new PlannedTest(SUITE + "/[method:passes()]", "FixtureSuite#passes", "passes", 2, "", 20),
                        new PlannedTest(SUITE + "/[method:failsAnAssertion()]", "FixtureSuite#failsAnAssertion", "fails", 1, "", 20)));
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        Grader grader = Grader.create(TestCatalogs.of(List.of(fine)), new Installation(Installation.currentJava(), classpath, Optional.empty()),
                mode, host);

        GradeReport report = grader.grade(GradeRequest.builder(submission).exercise("fine").build());

        ExerciseResult result = report.exercises().getFirst();
        assertThat(result.status()).as(result.message()).isEqualTo(ExerciseStatus.GRADED);
        assertThat(result.score()).as("the passing test's 2 points of 3").isEqualTo(2);
        assertThat(result.maxScore()).isEqualTo(3);
        StringWriter line = new StringWriter();
        new TextReport(new PrintWriter(line), false).containment(report, true);
        return line.toString().replace(System.lineSeparator(), "\n");
    }
}

package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lockstep.verify.Outcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade verify}, run as an instructor runs it, through the real script: the reference
 * solutions earn full marks, the templates zero with nothing crashing, every mutant loses exactly
 * the tests it names and every honest variant earns full marks, with the same verdict on every
 * test in every run ({@code lockstep.repeat} runs; in the stability profile also with a core
 * kept busy). One dynamic test per subject, named by it.
 *
 * <p>One mutant per exercise has its text report pinned ({@code golden/mutants/<exercise>/<mutant>.txt},
 * from the first run's report that {@code --reports} writes), so that the feedback a learner reads
 * for a typical mistake changes only on purpose.
 *
 * <p>Without load it runs two gradings at once ({@code -j 2}, as {@code ./grade batch -j 2}): the
 * verdicts must hold while another grading shares the machine, and the test command stays within
 * its time (about 200 s instead of 380 s on 2 cores). With load it runs one at a time beside the busy core.
 */
@Timeout(3600)
class CourseVerificationTest {
    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everySubjectEarnsWhatItMustOnEveryRun() throws Exception {
        return verify(false);
    }

    /** Only in the stability profile (lockstep.load); the test command grades under load in ReferenceSolutionsTest. */
    @TestFactory
    Stream<DynamicTest> everySubjectEarnsWhatItMustOnEveryRunWhileACoreIsBusy() throws Exception {
        return Course.LOAD ? verify(true) : Stream.empty();
    }

    private static Stream<DynamicTest> verify(boolean load) throws IOException, InterruptedException {
        Path json = dir.resolve(load ? "verify-load.json" : "verify.json");
        Path reports = dir.resolve(load ? "reports-load" : "reports");
        List<String> command = new ArrayList<>(List.of("bash", Course.REPO.resolve("grade").toString(), "verify",
                "--repeat", String.valueOf(Course.REPEAT), "--json", json.toString(), "--reports", reports.toString()));
        command.addAll(load ? List.of("--load") : List.of("-j", "2"));
        command.addAll(Course.ONLY);
        Path out = dir.resolve(load ? "verify-load.txt" : "verify.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(50, TimeUnit.MINUTES)).as("./grade verify finished").isTrue();
        String printed = Files.readString(out);
        System.out.println(printed.lines().filter(l -> !l.startsWith("run ")).reduce("", (a, b) -> a + b + "\n"));
        assertThat(json).as("./grade verify wrote its JSON; it printed:\n%s", printed).exists();
        List<Outcome.Row> rows = List.of(new ObjectMapper().readValue(json.toFile(), Outcome.Row[].class));
        assertThat(rows).as("subjects verified").isNotEmpty();
        assertThat(process.exitValue()).as("the exit status: 0 when every subject is ok, else 4")
                .isEqualTo(rows.stream().allMatch(Outcome.Row::ok) ? 0 : 4);
        Stream<DynamicTest> subjects = rows.stream().map(row -> DynamicTest.dynamicTest(row.subject(), () -> {
            assertThat(row.runs()).isEqualTo(Course.REPEAT);
            assertThat(row.ok()).as("%s, %d of %d runs as it must%s:%n%s", row.subject(), row.passedRuns(), row.runs(),
                    row.flaky() ? ", flaky" : "", row.explanation()).isTrue();
        }));
        return Stream.concat(subjects, pinnedMutants(reports));
    }

    /** For each exercise verified, its one pinned mutant's text report as pinned. */
    private static Stream<DynamicTest> pinnedMutants(Path reports) {
        return Course.exercises().stream().map(exercise -> DynamicTest.dynamicTest(exercise.id() + ": a mutant's feedback as pinned", () -> {
            Path pinned = PINNED.resolve(exercise.id());
            List<Path> files;
            try (Stream<Path> list = Files.isDirectory(pinned) ? Files.list(pinned) : Stream.empty()) {
                files = list.filter(f -> f.toString().endsWith(".txt")).toList();
            }
            assertThat(files).as("one pinned mutant of %s in %s", exercise.id(), pinned).hasSize(1);
            String mutant = files.get(0).getFileName().toString().replaceFirst("\\.txt$", "");
            Path written = reports.resolve(exercise.id()).resolve("mutant").resolve(mutant + ".txt");
            assertThat(written).as("./grade verify --reports wrote %s/mutant/%s", exercise.id(), mutant).exists();
            assertThat(Golden.masked(Files.readString(written))).as("the feedback of %s/mutant/%s, measured times masked (to accept a"
                    + " change made on purpose, put the actual text into %s)", exercise.id(), mutant, files.get(0))
                    .isEqualTo(Files.readString(files.get(0)));
        }));
    }

    /** The pinned mutant reports, in the source tree (one folder per exercise, one file named by its mutant). */
    private static final Path PINNED = Course.REPO.resolve("grader/cli/src/test/resources/golden/mutants");
}

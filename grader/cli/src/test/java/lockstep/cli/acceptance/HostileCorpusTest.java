package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lockstep.cli.acceptance.HostileCorpus.Case;
import lockstep.cli.acceptance.HostileCorpus.Expected;
import lockstep.engine.GradeRequest;
import lockstep.engine.GradingListener;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every case of the hostile corpus ({@link HostileCorpus}) with the attacked exercise and
 * its neighbours (one, unless the case names more), and holds each to the same promises: grading
 * finishes; the attacked exercise gets its expected status, never more than the code honestly earns
 * and no forged pass; every neighbour keeps full marks; the feedback says what happened; nothing outside the grader's work folder is
 * created or changed. Cases whose attack the static policy rejects are graded a second time with
 * the policy off, to show the layers behind it hold on their own; their neighbour is graded only
 * then, with the attack running (the rejection grades nothing of the attacked exercise).
 *
 * <p>{@code -Dlockstep.hostile=case,case} narrows the run to some cases.
 */
@Timeout(300)
class HostileCorpusTest {
    /** The folder the build made for the acceptance tests' temporary files (failsafe's java.io.tmpdir). */
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    private static final Path CWD = Path.of("").toAbsolutePath();
    private static final List<String> ONLY = Arrays.stream(System.getProperty("lockstep.hostile", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList();
    private static final List<String> ALWAYS_CANARIES = List.of("lockstep-canary", "lockstep-canary-processor");
    private static final Queue<String> ROWS = new ConcurrentLinkedQueue<>();
    /** Where every case's report is kept for reading after the run. */
    private static final Path FEEDBACK = Course.REPO.resolve("grader/cli/target/hostile-corpus");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return HostileCorpus.cases().stream()
                .filter(c -> ONLY.isEmpty() || ONLY.contains(c.name()))
                .flatMap(c -> c.policyOff() == null ? Stream.of(Arguments.of(c, true))
                        : Stream.of(Arguments.of(c, true), Arguments.of(c, false)));
    }

    @BeforeAll
    static void everythingHostileCodeWritesStaysUnderTarget() {
        Path target = Course.REPO.resolve("grader/cli/target");
        assertThat(TMP).as("java.io.tmpdir of the acceptance tests must be a folder the build made under %s,"
                + " so that the grader's work folders (and ../.. from their innermost folder) stay inside it", target)
                .startsWith(target);
        assertThat(HostileCorpus.cases()).as("the hostile corpus").hasSizeGreaterThanOrEqualTo(30);
    }

    @AfterAll
    static void printTheTable() throws IOException {
        String table = "| case | policy | attacked: status, score | neighbour | seconds |\n|---|---|---|---|---|\n"
                + String.join("\n", ROWS) + "\n";
        System.out.println(table);
        Files.writeString(Course.REPO.resolve("grader/cli/target/hostile-corpus.md"), table);
    }

    @ParameterizedTest(name = "{0}, policy on: {1}")
    @MethodSource("cases")
    void gradingHoldsAgainst(Case c, boolean policyOn) throws Exception {
        Expected expected = policyOn ? c.policyOn() : c.policyOff();
        Path submission = HostileCorpus.submission(c, dir);
        Map<String, Map<String, String>> before = protectedTrees();
        List<String> cwdBefore = listing(CWD);
        Instant started = Instant.now();
        long start = System.nanoTime();

        List<Path> workFolders = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A case the policy rejects runs its attack only in its policy-off grading, which is where a neighbour can
        // show that the attack costs no other exercise; the rejection itself is the same path for every such case.
        List<String> neighbourIds = policyOn && c.policyOff() != null ? List.of() : c.neighbours();
        GradeRequest.Builder request = GradeRequest.builder(submission).exercise(c.exercise());
        neighbourIds.forEach(request::exercise);
        GradeReport report = Course.grader().grade(request.staticPolicy(policyOn)
                .listener(new GradingListener() {
                    @Override
                    public void exerciseStarted(lockstep.engine.catalog.Exercise exercise) {
                        workFolders.addAll(HostileCorpus.workFolders(TMP));
                    }
                }).build());

        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        ExerciseResult attacked = result(report, c.exercise());
        List<ExerciseResult> neighbours = neighbourIds.stream().map(id -> result(report, id)).toList();
        ROWS.add("| " + c.name() + " | " + (policyOn ? "on" : "off") + " | " + attacked.status().json() + ", "
                + attacked.score() + "/" + attacked.maxScore() + " | " + neighbours.stream()
                        .map(n -> n.score() + "/" + n.maxScore()).collect(Collectors.joining(", "))
                + " | " + seconds + " |");

        Files.writeString(Files.createDirectories(FEEDBACK).resolve(c.name() + (policyOn ? "" : "-policy-off") + ".txt"),
                JsonReport.toJson(report));

        // The test JVM works in <work folder>/<exercise>/tmp: ../.. is the grader's work folder, inside TMP.
        assertThat(workFolders).as("%s: the grader's work folders, seen while it graded", c).isNotEmpty()
                .allSatisfy(w -> assertThat(w.getParent()).isEqualTo(TMP));
        if (c.withinSeconds() != null) {
            assertThat(seconds).as("%s: grading must finish within %d s", c, c.withinSeconds()).isLessThanOrEqualTo(c.withinSeconds());
        }
        assertHonest(c, expected, attacked, report.notes());
        for (ExerciseResult neighbour : neighbours) {
            assertThat(neighbour.score()).as("%s: the neighbour %s must keep full marks; it got %s: %s", c, neighbour.id(),
                    neighbour.status(), neighbour.tests()).isEqualTo(neighbour.maxScore()).isPositive();
        }
        assertThat(report.exercises()).flatMap(ExerciseResult::tests).allSatisfy(t -> assertThat(t.output().length())
                .as("%s: the output of %s is capped", c, t.id()).isLessThanOrEqualTo(16 * 1024 + 200));
        assertNothingOutsideChanged(c, before, cwdBefore, started);
        assertTheParentsReportIsItsOwn(report, attacked);
    }

    private static void assertHonest(Case c, Expected expected, ExerciseResult attacked, List<String> submissionNotes) {
        String all = String.join("\n", submissionNotes) + "\n" + java.util.Objects.toString(attacked.message(), "") + "\n" + attacked.tests().stream().map(t -> t.id() + ": " + t.status() + " " + t.message())
                .collect(Collectors.joining("\n"));
        assertThat(attacked.status().json()).as("%s (%s): the status of %s; what happened:\n%s", c, c.attack(), c.exercise(), all)
                .isIn(expected.status());
        assertThat(attacked.score()).as("%s: %s may earn at most %s; what happened:\n%s", c, c.exercise(), expected.maxScore(), all)
                .isLessThanOrEqualTo(expected.maxScore());
        if (expected.minScore() != null) {
            assertThat(attacked.score()).as("%s: the code honestly earns %s; what happened:\n%s", c, expected.minScore(), all)
                    .isGreaterThanOrEqualTo(expected.minScore());
        }
        for (String forged : expected.mustNotPass()) {
            TestResult test = attacked.tests().stream().filter(t -> t.id().equals(forged)).findFirst()
                    .orElseThrow(() -> new AssertionError(c + ": no test " + forged + " in " + attacked.tests()));
            assertThat(test.status()).as("%s: the code cannot honestly pass %s, so a pass would be forged: %s", c, forged, test)
                    .isNotEqualTo(TestStatus.PASSED);
        }
        String feedback = all.toLowerCase(Locale.ROOT);
        for (String words : expected.feedback()) {
            assertThat(feedback).as("%s: the feedback must say '%s'; it says:\n%s", c, words, all).contains(words.toLowerCase(Locale.ROOT));
        }
        String output = attacked.tests().stream().map(TestResult::output).collect(Collectors.joining("\n"));
        for (String words : expected.output()) {
            assertThat(output).as("%s: the captured output must say '%s'", c, words).contains(words);
        }
        if (expected.minOutputBytesLeftOut() != null) {
            assertThat(attacked.tests().stream().mapToLong(TestResult::outputBytesLeftOut).max().orElse(0))
                    .as("%s: the bytes of output counted as not kept", c).isGreaterThanOrEqualTo(expected.minOutputBytesLeftOut());
        }
        if (attacked.status() != ExerciseStatus.GRADED && attacked.status() != ExerciseStatus.CRASHED
                && attacked.status() != ExerciseStatus.TIMED_OUT) {
            assertThat(attacked.tests()).as("%s: an exercise that did not run has no test that ran", c)
                    .allMatch(t -> t.status() == TestStatus.NOT_RUN);
        }
    }

    /**
     * The report the parent writes is built from its own results alone, whatever files the child
     * wrote, and every report format holds whatever the hostile code printed: valid, with the native total.
     */
    private void assertTheParentsReportIsItsOwn(GradeReport report, ExerciseResult attacked) throws Exception {
        Path json = dir.resolve("report.json");
        JsonReport.write(report, json);
        ExerciseResult written = result(JsonReport.read(json), attacked.id());
        assertThat(written.score()).as("the score in the written report").isEqualTo(attacked.score());
        assertThat(written.status()).as("the status in the written report").isEqualTo(attacked.status());
        EveryFormat.assertWrittenValidWithTheNativeTotal(report, dir.resolve("reports"));
    }

    private void assertNothingOutsideChanged(Case c, Map<String, Map<String, String>> before, List<String> cwdBefore,
            Instant started) {
        Map<String, Map<String, String>> after = protectedTrees();
        for (String tree : before.keySet()) {
            assertThat(after.get(tree)).as("%s: nothing under %s may be created or changed", c, tree)
                    .containsExactlyInAnyOrderEntriesOf(before.get(tree));
        }
        assertThat(listing(CWD)).as("%s: the grader's working folder %s keeps its files", c, CWD).isEqualTo(cwdBefore);
        List<String> canaries = new ArrayList<>(ALWAYS_CANARIES);
        canaries.addAll(c.canaries());
        assertThat(HostileCorpus.find(TMP, canaries)).as("%s: files the hostile code tried to create", c).isEmpty();
        assertThat(HostileCorpus.find(CWD.resolve("src"), canaries)).as("%s: files the hostile code tried to create", c).isEmpty();
        if (c.noProcessLeft() != null) {
            // The grader's test JVMs run with an environment of LANG alone, and so do the processes they start.
            List<String> alive = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(cmd -> cmd.endsWith("/" + c.noProcessLeft())).orElse(false))
                    .filter(p -> p.info().startInstant().map(s -> !s.isBefore(started)).orElse(false))
                    .filter(p -> environment(p.pid()).equals("LANG=C.UTF-8\0"))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
            assertThat(alive).as("%s: processes the hostile code started that are still alive", c).isEmpty();
        }
    }

    /** Path, size and time of everything the grader must never change; the test's temp root included. */
    private static Map<String, Map<String, String>> protectedTrees() {
        return Map.of(
                "solutions", HostileCorpus.snapshot(Course.REPO.resolve("solutions")),
                "exercises", HostileCorpus.snapshot(Course.REPO.resolve("exercises")),
                "templates", HostileCorpus.snapshot(Course.REPO.resolve("templates")),
                "the installation", withoutClassData(HostileCorpus.snapshot(Course.HOME)),
                "the temporary folder " + TMP, HostileCorpus.snapshot(TMP));
    }

    /**
     * The snapshot without the class-data archives ({@code *.jsa}, and their {@code training-*.jsa}
     * while one is made), which the grader writes into the installation on its first run: a test
     * class in the other test JVM may run that first grading while a case here grades.
     */
    private static Map<String, String> withoutClassData(Map<String, String> snapshot) {
        Map<String, String> kept = new java.util.TreeMap<>(snapshot);
        kept.keySet().removeIf(path -> path.endsWith(".jsa"));
        return kept;
    }

    private static List<String> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String environment(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "environ"));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static ExerciseResult result(GradeReport report, String id) {
        return report.exercises().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + " in " + report.exercises()));
    }
}

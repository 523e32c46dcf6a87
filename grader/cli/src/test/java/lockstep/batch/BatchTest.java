package lockstep.batch;

import static lockstep.batch.Files2.counter;
import static lockstep.batch.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import lockstep.batch.discover.Discovered;
import lockstep.batch.discover.Discovery;
import lockstep.batch.discover.Roster;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.StudentFiles;
import lockstep.batch.output.StudentReports;
import lockstep.batch.output.Summary;
import lockstep.batch.output.Verdict;
import lockstep.engine.report.FormatChecks;
import lockstep.engine.report.HiddenTests;
import lockstep.engine.report.JsonReport;
import lockstep.engine.report.ReportFormat;
import lockstep.engine.report.ReportFormats;
import lockstep.engine.report.ReportOptions;
import lockstep.engine.report.SampleReports;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch with a fake grading, so that resuming and writing are tested in milliseconds: a
 * submission holding a file {@code FAIL} fails, one holding {@code BROKEN} is unreadable, any
 * other scores one point per source, up to 27.
 */
class BatchTest {
    private static final List<ExerciseColumn> MUTEX = List.of(new ExerciseColumn("mutex", "Mutex", 27));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<Path> graded = new CopyOnWriteArrayList<>();

    private final Grading fake = (submission, work) -> {
        graded.add(submission);
        assertThat(work).isDirectory().startsWith(dir.resolve("out/.work"));
        if (Files.exists(submission.resolve("FAIL"))) {
            return Outcome.failed("the grader exited with status 1: boom", 0);
        }
        if (Files.exists(submission.resolve("BROKEN"))) {
            return Outcome.unreadable("cannot read the submission", 0);
        }
        return Outcome.graded(report(submission, Math.min(27, sources(submission))), 0);
    };

    private static long sources(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GradeReport report(Path submission, double score) {
        ExerciseResult mutex = new ExerciseResult("mutex", "Mutex", ExerciseStatus.GRADED, score, 27, null, List.of(), Timing.NONE);
        return new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"), submission.toString(),
                Instant.EPOCH, 0, score, 27, List.of(mutex));
    }

    private Path subs() {
        return dir.resolve("subs");
    }

    private Batch.Result run(Grading grading, boolean retryFailed, Roster roster) throws Exception {
        return run(grading, retryFailed, roster, StudentReports.NONE);
    }

    private Batch.Result run(Grading grading, boolean retryFailed, Roster roster, StudentReports reports) throws Exception {
        Discovered found = Discovery.discover(subs(), Optional.empty());
        return new Batch(new Batch.Settings(dir.resolve("out"), MUTEX, 2, retryFailed, "dev", "subs", null, reports), grading,
                Progress.silent(), CLOCK).run(found, roster);
    }

    /** Every format but the native results and the feedback, under the file name a platform expects, prefixed by the format. */
    private static StudentReports everyReport() {
        return new StudentReports(ReportFormats.all(ReportOptions.DEFAULT).stream()
                .map(f -> new StudentReports.Request(f, f.name() + "-" + f.fileName())).toList());
    }

    private Batch.Result run() throws Exception {
        return run(fake, false, Roster.empty());
    }

    private void threeStudents() throws IOException {
        write(subs(), "alice/ch10/mutex/Counter.java", counter(""));
        write(subs(), "alice/ch10/mutex/Mutex.java", "package ch10.mutex; class Mutex {}");
        write(subs(), "bob/BROKEN", "");
        write(subs(), "carol/FAIL", "");
    }

    private Summary.Row row(Batch.Result result, String id) {
        return result.summary().students().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** A grading whose every report has hidden tests: those of {@link SampleReports#hidden}, as the exercise mutex. */
    private static final Grading HIDDEN = (submission, work) -> {
        ExerciseResult bank = SampleReports.hidden().exercises().get(0);
        ExerciseResult mutex = new ExerciseResult("mutex", "Mutex", ExerciseStatus.GRADED, bank.score(), 27, null, bank.tests(),
                Timing.NONE);
        return Outcome.graded(new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                submission.toString(), Instant.EPOCH, 0, bank.score(), 27, List.of(mutex)), 0);
    };

    private StudentReports vpl(boolean showHidden) {
        return new StudentReports(List.of(new StudentReports.Request(ReportFormats.find("vpl", new ReportOptions(true, showHidden))
                .orElseThrow(), "vpl.txt")), showHidden);
    }

    @Test
    void aStudentsFeedbackAndReportsShowHiddenTestsOnlyAsHiddenTestsWhileTheirResultsKeepThem() throws Exception {
        write(subs(), "alice/ch10/mutex/Counter.java", counter(""));

        run(HIDDEN, false, Roster.empty(), vpl(false));

        Path alice = dir.resolve("out/students/alice");
        assertThat(alice.resolve("feedback.txt")).content().doesNotContain(SampleReports.SECRET).contains(HiddenTests.FAILED, "Total: 5/27");
        assertThat(alice.resolve("vpl.txt")).content().doesNotContain(SampleReports.SECRET).contains(HiddenTests.FAILED, "Grade :=>> 5");
        assertThat(alice.resolve("results.json")).content().contains(SampleReports.SECRET + "3", "\"visibility\" : \"hidden\"");
    }

    @Test
    void showHiddenShowsHiddenTestsInFullInEveryStudentsFeedbackAndReports() throws Exception {
        write(subs(), "alice/ch10/mutex/Counter.java", counter(""));

        run(HIDDEN, false, Roster.empty(), vpl(true));

        Path alice = dir.resolve("out/students/alice");
        assertThat(alice.resolve("feedback.txt")).content().contains("expected the " + SampleReports.SECRET + "3 message", "Total: 5/27");
        assertThat(alice.resolve("vpl.txt")).content().contains("the " + SampleReports.SECRET + "3 hint", "Grade :=>> 5");
    }

    @Test
    void gradesEveryoneAndWritesTheirFilesTheSummaryAndTheGradebook() throws Exception {
        threeStudents();
        write(dir, "roster.csv", "id,name,sis user id\nalice,Alice A,S1\ndave,Dave D,S4\n");

        Batch.Result result = run(fake, false, Roster.read(dir.resolve("roster.csv")));

        Path alice = dir.resolve("out/students/alice");
        assertThat(JsonReport.read(alice.resolve("results.json")).score()).isEqualTo(2);
        assertThat(alice.resolve("feedback.txt")).content().contains("mutex", "Total: 2/27").doesNotContain("\u001B[");
        assertThat(alice.resolve("batch.json")).exists();
        assertThat(dir.resolve("out/students/bob/results.json")).doesNotExist();
        assertThat(dir.resolve("out/students/bob/feedback.txt")).content().contains("could not be read", "cannot read the submission");
        assertThat(row(result, "alice")).extracting(Summary.Row::name, Summary.Row::sisUserId, Summary.Row::status, Summary.Row::score)
                .containsExactly("Alice A", "S1", Verdict.GRADED, 2.0);
        assertThat(row(result, "alice").contentHash()).startsWith("sha256:");
        assertThat(row(result, "bob")).extracting(Summary.Row::status, Summary.Row::score, Summary.Row::percent)
                .containsExactly(Verdict.UNREADABLE, 0.0, 0.0);
        assertThat(row(result, "carol")).extracting(Summary.Row::status, Summary.Row::score).containsExactly(Verdict.FAILED, null);
        assertThat(row(result, "dave")).extracting(Summary.Row::status, Summary.Row::name).containsExactly(Verdict.NO_SUBMISSION, "Dave D");
        assertThat(result.summary().totals()).extracting(Summary.Totals::students, Summary.Totals::graded, Summary.Totals::unreadable,
                Summary.Totals::failed, Summary.Totals::noSubmission).containsExactly(4, 1, 1, 1, 1);
        assertThat(result.summary().notes()).containsExactly("bob is not on the roster.", "carol is not on the roster.");
        assertThat(result.failed()).containsExactly("carol");
        assertThat(dir.resolve("out/summary.json")).exists();
        assertThat(dir.resolve("out/gradebook.csv")).content().contains("\"Alice A\",\"alice\",\"S1\"", "\"Dave D\",\"dave\"");
        assertThat(dir.resolve("out/.work")).doesNotExist();
    }

    @Test
    void startedAgainItGradesOnlyWhatHasNoResultYetChangedOrFailedWhenAsked() throws Exception {
        threeStudents();
        run();
        assertThat(graded).hasSize(3);
        graded.clear();

        Batch.Result again = run();
        assertThat(graded).isEmpty();
        assertThat(again.kept()).isEqualTo(3);
        assertThat(again.failed()).as("a failure is kept as it is").containsExactly("carol");

        write(subs(), "alice/ch10/mutex/Extra.java", "package ch10.mutex; class Extra {}");
        Files.delete(dir.resolve("out/students/bob/batch.json"));
        Batch.Result changed = run();
        assertThat(graded).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(row(changed, "alice").score()).isEqualTo(3.0);
        graded.clear();

        Files.delete(dir.resolve("out/students/alice/results.json"));
        run(fake, true, Roster.empty());
        assertThat(graded).extracting(p -> p.getFileName().toString())
                .as("results gone, and a failure with --retry-failed").containsExactlyInAnyOrder("alice", "carol");
    }

    @Test
    void aBatchStoppedMidwayGradesOnlyTheRestAndEndsAsAnUninterruptedRun() throws Exception {
        for (String id : List.of("a", "b", "c", "d")) {
            write(subs(), id + "/ch10/mutex/Counter.java", counter(id));
        }
        run();
        String uninterrupted = Files.readString(dir.resolve("out/summary.json"));
        String gradebook = Files.readString(dir.resolve("out/gradebook.csv"));
        Batch.deleteTree(dir.resolve("out"));
        graded.clear();

        AtomicInteger calls = new AtomicInteger();
        Grading stopping = (submission, work) -> {
            if (calls.incrementAndGet() > 2) {
                throw new InterruptedException("stopped");
            }
            return fake.grade(submission, work);
        };
        assertThatThrownBy(() -> new Batch(new Batch.Settings(dir.resolve("out"), MUTEX, 1, false, "dev", "subs"), stopping,
                Progress.silent(), CLOCK).run(Discovery.discover(subs(), Optional.empty()), Roster.empty()))
                .isInstanceOf(InterruptedException.class);
        assertThat(dir.resolve("out/summary.json")).doesNotExist();
        Files.writeString(dir.resolve("out/students/.lockstep-1.tmp"), "a half-written file of the stopped run");
        graded.clear();

        Batch.Result resumed = run();

        assertThat(graded).hasSize(2);
        assertThat(resumed.kept()).isEqualTo(2);
        assertThat(dir.resolve("out/summary.json")).content().isEqualTo(uninterrupted);
        assertThat(dir.resolve("out/gradebook.csv")).content().isEqualTo(gradebook);
        assertThat(dir.resolve("out/students/.lockstep-1.tmp")).doesNotExist();
    }

    @Test
    void aGroupSubmissionIsGradedOnceForEachStudentAndADoubleClaimIsNeitherGuessed() throws Exception {
        write(subs(), "submission_metadata.yml", """
                submission_1:
                  :submitters:
                  - {":name": One, ":sid": "s1"}
                  - {":name": Two, ":sid": "s2"}
                submission_2:
                  :submitters:
                  - {":name": Three, ":sid": "s3"}
                submission_3:
                  :submitters:
                  - {":name": Three again, ":sid": "S3"}
                """);
        for (int i = 1; i <= 3; i++) {
            write(subs(), "submission_" + i + "/ch10/mutex/Counter.java", counter(""));
        }

        Batch.Result result = run();

        assertThat(graded).hasSize(1);
        assertThat(row(result, "s1").score()).isEqualTo(1.0);
        assertThat(row(result, "s2").score()).isEqualTo(1.0);
        assertThat(dir.resolve("out/students/s2/results.json")).exists();
        assertThat(row(result, "s3").status()).isEqualTo(Verdict.UNREADABLE);
        assertThat(row(result, "s3").reason()).contains("several submissions", "submission_2", "submission_3");
    }

    @Test
    void aStudentsSpreadFilesAreGatheredIntoOneFolderAndGradedTogether() throws Exception {
        write(subs(), "doejane_1001_5_Counter.java", counter(""));
        write(subs(), "doejane_1001_5_Mutex.java", "package ch10.mutex; class Mutex {}");
        List<List<String>> seen = new CopyOnWriteArrayList<>();

        Batch.Result result = run((submission, work) -> {
            try (Stream<Path> files = Files.list(submission)) {
                seen.add(files.map(p -> p.getFileName().toString()).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fake.grade(submission, work);
        }, false, Roster.empty());

        assertThat(seen).containsExactly(List.of("Counter.java", "Mutex.java"));
        assertThat(row(result, "1001").score()).isEqualTo(2.0);
        assertThat(new StudentFiles(dir.resolve("out")).record("1001").orElseThrow().submission()).isEqualTo("doejane_1001");
    }

    @Test
    void aGradingThatThrowsCostsThatSubmissionOnly() throws Exception {
        threeStudents();

        Batch.Result result = run((submission, work) -> {
            if (submission.getFileName().toString().equals("alice")) {
                throw new IllegalStateException("a bug");
            }
            return fake.grade(submission, work);
        }, false, Roster.empty());

        assertThat(row(result, "alice").status()).isEqualTo(Verdict.FAILED);
        assertThat(row(result, "alice").reason()).contains("a bug");
        assertThat(row(result, "bob").status()).isEqualTo(Verdict.UNREADABLE);
    }

    @Test
    void everyRequestedReportIsWrittenForEveryStudentGradedOrNotWithTheirTotal() throws Exception {
        threeStudents();

        run(fake, false, Roster.empty(), everyReport());

        for (var student : java.util.Map.of("alice", 2.0, "bob", 0.0, "carol", 0.0).entrySet()) {
            for (ReportFormat format : ReportFormats.all(ReportOptions.DEFAULT)) {
                Path file = dir.resolve("out/students/" + student.getKey() + "/" + format.name() + "-" + format.fileName());
                assertThat(FormatChecks.validTotal(format.name(), Files.readAllBytes(file), 27)).as("%s", file)
                        .isEqualTo(student.getValue());
            }
        }
        assertThat(dir.resolve("out/students/carol/vpl-vpl.txt")).content().contains("The grader failed", "boom");
        assertThat(dir.resolve("out/students/bob/classroom-classroom.json")).content().contains("\"max_score\" : 27");
    }

    @Test
    void aRunAskingForMoreReportsWritesThemForTheStudentsItKeeps() throws Exception {
        threeStudents();
        run();
        graded.clear();

        run(fake, false, Roster.empty(), everyReport());

        assertThat(graded).as("nothing graded again").isEmpty();
        assertThat(dir.resolve("out/students/alice/gradescope-results.json")).exists();
        assertThat(FormatChecks.validTotal("junit", Files.readAllBytes(dir.resolve("out/students/alice/junit-junit.xml")), 27))
                .isEqualTo(2.0);
        assertThat(dir.resolve("out/students/bob/prairielearn-results.json")).content().contains("\"gradable\" : false");
    }

    @Test
    void aReportIsAPlainFileNameThatIsNotOneOfTheBatchsOwn() {
        ReportFormat vpl = ReportFormats.find("vpl", ReportOptions.DEFAULT).orElseThrow();
        for (String bad : List.of("results.json", "feedback.txt", "batch.json", "../x.txt", "sub/x.txt", ".hidden", "")) {
            assertThatThrownBy(() -> new StudentReports.Request(vpl, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new StudentReports(List.of(new StudentReports.Request(vpl, "a.txt"),
                new StudentReports.Request(vpl, "a.txt")))).isInstanceOf(IllegalArgumentException.class);
    }
}

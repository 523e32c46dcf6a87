package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import lockstep.engine.result.Containment;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;
import lockstep.engine.result.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @TempDir
    Path dir;

    static List<String> schemaErrors(String json) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonReport.schema());
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @Test
    void everyStatusFitsTheSchemaAndScoresAreNumbers() throws IOException {
        List<TestResult> tests = Arrays.stream(TestStatus.values())
                .map(s -> new TestResult("WorkersTest#t" + s.ordinal(), "test " + s.json(), s, s == TestStatus.PASSED ? 2 : 0, 2,
                        s == TestStatus.PASSED ? null : "why", "", s == TestStatus.PASSED ? null : "hint", 5))
                .toList();
        List<ExerciseResult> exercises = Arrays.stream(ExerciseStatus.values())
                .map(s -> new ExerciseResult("ex-" + s.ordinal(), "Exercise", s, 2, 10, null, tests, new Timing(1, 2, 3, 4, 1)))
                .toList();
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                "templates", Instant.parse("2026-11-25T18:00:00Z"), 1234, 12, 60, exercises, List.of(),
                new Containment(true, true, false, true, "off: bwrap not found", "unavailable: no cgroup pids or memory controller is mounted"));

        String json = JsonReport.toJson(report);

        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).contains("\"score\" : 12.0", "\"status\" : \"timed-out\"", "\"status\" : \"compile-error\"",
                "\"startedAt\" : \"2026-11-25T18:00:00Z\"", "\"schemaVersion\" : \"" + GradeReport.SCHEMA_VERSION + "\"", "\"osSandbox\" : \"off: bwrap not found\"");
    }

    @Test
    void theSchemaRejectsAStringScoreAndAnUnknownStatus() throws IOException {
        String bad = """
                {"schemaVersion": "1.1", "grader": {"name": "x", "version": "1"}, "submission": "s",
                 "startedAt": "2026-11-25T18:00:00Z", "durationMs": 1, "score": "12", "maxScore": 20,
                 "exercises": [{"id": "mutex", "title": "t", "status": "great", "score": 1, "maxScore": 1,
                   "message": null, "tests": [], "timing": {"compileMs": 0, "jvmStartMs": 0, "testsMs": 0, "totalMs": 0, "jvmStarts": 0}}]}
                """;

        assertThat(schemaErrors(bad)).hasSize(2);
    }

    @Test
    void aReportOfSchemaOneZeroStillReadsWithoutContainment() throws IOException {
        Path file = dir.resolve("old.json");
        java.nio.file.Files.writeString(file, """
                {"schemaVersion": "1.0", "grader": {"name": "lockstep", "version": "dev"}, "submission": "s",
                 "startedAt": "2026-11-25T18:00:00Z", "durationMs": 1, "score": 0, "maxScore": 0, "exercises": []}
                """);

        GradeReport old = JsonReport.read(file);

        assertThat(old.schemaVersion()).isEqualTo("1.0");
        assertThat(old.containment()).isNull();
    }

    @Test
    void eachTestsVisibilityFitsTheSchemaAndReadsBack() throws IOException {
        GradeReport report = SampleReports.hidden();
        Path file = dir.resolve("hidden.json");

        JsonReport.write(report, file);

        String json = java.nio.file.Files.readString(file);
        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).contains("\"visibility\" : \"visible\"", "\"visibility\" : \"hidden\"",
                "\"visibility\" : \"after_due_date\"", "\"visibility\" : \"after_published\"", SampleReports.SECRET);
        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(schemaErrors(json.replace("\"hidden\"", "\"secret\""))).hasSize(1);
    }

    @Test
    void aTestOfSchemaOneTwoWithoutVisibilityReadsAsVisible() throws IOException {
        Path file = dir.resolve("old.json");
        String old = """
                {"schemaVersion": "1.2", "grader": {"name": "lockstep", "version": "dev"}, "submission": "s",
                 "startedAt": "2026-11-25T18:00:00Z", "durationMs": 1, "score": 0, "maxScore": 2, "exercises": [
                  {"id": "mutex", "title": "t", "status": "graded", "score": 0, "maxScore": 2, "message": null,
                   "timing": {"compileMs": 0, "jvmStartMs": 0, "testsMs": 0, "totalMs": 0, "jvmStarts": 0},
                   "tests": [{"id": "MutexTest#a", "name": "a", "status": "failed", "points": 0, "maxPoints": 2,
                     "message": "why", "output": "", "hint": "h", "durationMs": 3}]}]}
                """;
        java.nio.file.Files.writeString(file, old);

        GradeReport read = JsonReport.read(file);

        assertThat(schemaErrors(old)).isEmpty();
        assertThat(read.exercises().get(0).tests().get(0).visibility()).isEqualTo(lockstep.engine.result.TestVisibility.VISIBLE);
        assertThat(read.exercises().get(0).notImplemented()).as("absent before 1.4: none").isEmpty();
        assertThat(read.exercises().get(0).notStarted()).isFalse();
        assertThat(read.exercises().get(0).tests().get(0).outputBytesLeftOut()).as("absent before 1.5: 0").isZero();
    }

    @Test
    void theBytesOfOutputLeftOutFitTheSchemaAndReadBack() throws IOException {
        TestResult flooded = new TestResult("MutexTest#a", "a", TestStatus.FAILED, 0, 2, "why", "last line\n", "h", 3,
                lockstep.engine.result.TestVisibility.VISIBLE, 1_032_404);
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                "s", Instant.parse("2026-11-25T18:00:00Z"), 1, 0, 2, List.of(new ExerciseResult("mutex", "Mutex",
                        ExerciseStatus.GRADED, 0, 2, null, List.of(flooded), new Timing(1, 2, 3, 4, 1))), List.of(), null);
        Path file = dir.resolve("flooded.json");

        JsonReport.write(report, file);

        String json = java.nio.file.Files.readString(file);
        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).contains("\"outputBytesLeftOut\" : 1032404");
        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(schemaErrors(json.replace("1032404", "-1"))).hasSize(1);
    }

    @Test
    void theTodoMethodsLeftAndNotStartedFitTheSchemaAndReadBack() throws IOException {
        ExerciseResult begun = new ExerciseResult("spawn-join", "Threads", ExerciseStatus.GRADED, 0, 2, null, List.of(),
                new Timing(1, 2, 3, 4, 1), List.of("Workers.runAll"), false);
        ExerciseResult untouched = new ExerciseResult("mutex", "Mutex", ExerciseStatus.GRADED, 0, 2, null, List.of(),
                new Timing(1, 2, 3, 4, 1), List.of("Mutex(T)", "Mutex.lock"), true);
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                "s", Instant.parse("2026-11-25T18:00:00Z"), 1, 0, 4, List.of(begun, untouched), List.of(),
                new Containment(true, true, true, true, "off: bwrap not found", "unavailable: x"));
        Path file = dir.resolve("stubs.json");

        JsonReport.write(report, file);

        String json = java.nio.file.Files.readString(file);
        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).contains("\"notImplemented\" : [ \"Workers.runAll\" ]", "\"notStarted\" : true");
        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(schemaErrors(json.replace("\"notStarted\" : true", "\"notStarted\" : \"yes\""))).hasSize(1);
    }

    @Test
    void theContractMismatchesFitTheSchemaReadBackAndAreAbsentFromAnOlderReport() throws IOException {
        String returnsInt = "Counter.countConcurrently(int, int) must return long; yours returns int";
        ExerciseResult mismatched = new ExerciseResult("mutex", "Mutex", ExerciseStatus.GRADED, 1, 2,
                "Your classes do not match the exercise's contract (exercises/mutex/README.md): " + returnsInt + ".", List.of(),
                new Timing(1, 2, 3, 4, 1), List.of(), false, List.of(returnsInt));
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                "s", Instant.parse("2026-11-25T18:00:00Z"), 1, 1, 2, List.of(mismatched), List.of(),
                new Containment(true, true, true, true, "off: bwrap not found", "unavailable: x"));
        Path file = dir.resolve("contract.json");

        JsonReport.write(report, file);
        String json = java.nio.file.Files.readString(file);
        String older = json.replace("\"schemaVersion\" : \"" + GradeReport.SCHEMA_VERSION + "\"", "\"schemaVersion\" : \"1.4\"")
                .replaceFirst(",\\s*\"contractMismatches\" : \\[[^]]*\\]", "");
        java.nio.file.Files.writeString(dir.resolve("older.json"), older);

        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).contains("\"contractMismatches\" : [ \"" + returnsInt + "\" ]");
        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(older).doesNotContain("contractMismatches");
        assertThat(schemaErrors(older)).isEmpty();
        assertThat(JsonReport.read(dir.resolve("older.json")).exercises().get(0).contractMismatches()).as("absent before 1.5: none").isEmpty();
        assertThat(schemaErrors(json.replace("[ \"" + returnsInt + "\" ]", "[ \"\" ]"))).hasSize(1);
    }

    /** A graded mutex with a passed test and one test of each problem, each with the first status it fits. */
    private static GradeReport everyProblem() {
        List<TestResult> tests = new java.util.ArrayList<>(List.of(new TestResult("MutexTest#passes", "passes", TestStatus.PASSED,
                1, 1, null, "", null, 3, lockstep.engine.result.TestVisibility.VISIBLE, 0, null)));
        for (TestProblem problem : TestProblem.values()) {
            TestStatus status = Arrays.stream(TestStatus.values()).filter(problem::fits).findFirst().orElseThrow();
            tests.add(new TestResult("MutexTest#t" + problem.ordinal(), problem.json(), status, 0, 1, "why", "", "h", 3,
                    lockstep.engine.result.TestVisibility.VISIBLE, 0, problem));
        }
        return new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"), "s",
                Instant.parse("2026-11-25T18:00:00Z"), 1, 1, tests.size(), List.of(new ExerciseResult("mutex", "Mutex",
                        ExerciseStatus.GRADED, 1, tests.size(), null, tests, new Timing(1, 2, 3, 4, 1))), List.of(), null);
    }

    @Test
    void eachTestsProblemFitsTheSchemaAndReadsBack() throws IOException {
        GradeReport report = everyProblem();
        Path file = dir.resolve("problems.json");

        JsonReport.write(report, file);

        String json = java.nio.file.Files.readString(file);
        assertThat(GradeReport.SCHEMA_VERSION).isEqualTo("1.6");
        assertThat(schemaErrors(json)).isEmpty();
        assertThat(json).contains("\"problem\" : null", "\"problem\" : \"assertion\"", "\"problem\" : \"not-implemented\"",
                "\"problem\" : \"jvm-exited\"", "\"problem\" : \"channel-tampered\"", "\"problem\" : \"exercise-time-limit\"");
        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(JsonReport.read(file).exercises().get(0).tests()).extracting(TestResult::problem).containsSequence(TestProblem.values());
        assertThat(schemaErrors(json.replace("\"problem\" : \"assertion\"", "\"problem\" : \"deadlock\""))).hasSize(1);
    }

    @Test
    void aProblemThatDoesNotFitItsTestsStatusDoesNotRead() throws IOException {
        Path file = dir.resolve("unfit.json");
        java.nio.file.Files.writeString(file, JsonReport.toJson(everyProblem())
                .replace("\"status\" : \"failed\",", "\"status\" : \"timed-out\","));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReport.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot have the problem assertion");
    }

    @Test
    void aTestOfSchemaOneFiveHasNoProblem() throws IOException {
        String json = JsonReport.toJson(everyProblem());
        String older = json.replace("\"schemaVersion\" : \"" + GradeReport.SCHEMA_VERSION + "\"", "\"schemaVersion\" : \"1.5\"")
                .replaceAll(",\\s*\"problem\" : (null|\"[a-z-]+\")", "");
        java.nio.file.Files.writeString(dir.resolve("older.json"), older);

        GradeReport read = JsonReport.read(dir.resolve("older.json"));

        assertThat(older).doesNotContain("\"problem\"");
        assertThat(schemaErrors(older)).isEmpty();
        assertThat(read.schemaVersion()).isEqualTo("1.5");
        assertThat(read.exercises().get(0).tests()).as("absent before 1.6: null").extracting(TestResult::problem).containsOnlyNulls();
        assertThat(read.exercises().get(0).tests()).extracting(TestResult::message).isEqualTo(
                everyProblem().exercises().get(0).tests().stream().map(TestResult::message).toList());
    }

    @Test
    void writesAtomicallyAndReadsBack() throws IOException {
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                "s", Instant.now(), 1, 0, 0, List.of(), List.of(), new Containment(true, true, false, true, "bubblewrap 0.8.0", "unavailable: x"));
        Path file = dir.resolve("out/results.json");

        JsonReport.write(report, file);

        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**/.results-*");
    }

    @Test
    void submissionLevelNotesFitTheSchemaReadBackAndAreShownBeforeTheTotal() throws IOException {
        GradeReport report = new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"),
                "s", Instant.parse("2026-11-25T18:00:00Z"), 1, 0, 0, List.of(),
                List.of("module-info.java is ignored: resource files and module-info are never put on the class path."),
                new Containment(true, true, true, true, "off: bwrap not found", "unavailable: x"));
        Path file = dir.resolve("results.json");

        JsonReport.write(report, file);
        java.io.StringWriter text = new java.io.StringWriter();
        new TextReport(new java.io.PrintWriter(text), false).total(report);

        assertThat(schemaErrors(JsonReport.toJson(report))).isEmpty();
        assertThat(JsonReport.read(file)).isEqualTo(report);
        assertThat(text.toString()).contains("About the submission:\n    module-info.java is ignored", "Total: 0/0");
    }
}

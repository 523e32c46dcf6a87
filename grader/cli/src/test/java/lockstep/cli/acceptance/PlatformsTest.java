package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import lockstep.engine.report.FormatChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lockstep on the course platforms, each run here as its platform would run it, in a temporary
 * folder laid out as the platform lays it out: Gradescope's {@code autograder.zip} (built by
 * {@code ./grade package gradescope}, unzipped, its {@code run_autograder} run in a fake
 * {@code /autograder}), PrairieLearn's entrypoint in a fake {@code /grade}, Moodle VPL's
 * {@code vpl_evaluate.sh} and {@code vpl_execution} in a folder of the learner's files, and the
 * grading step of GitHub Classroom's workflow. Each grades the templates of one exercise (every
 * test "not implemented yet": a verdict no machine's speed changes) once, and its platform's file
 * must be valid and carry the total of the native results written beside it. The installation
 * every platform runs is the one the zip carries.
 */
@Timeout(600)
class PlatformsTest {
    private static final String EXERCISE = "cache";
    private static final Path PLATFORMS = Course.REPO.resolve("platforms");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    /** The autograder.zip that {@code ./grade package gradescope} wrote. */
    private static Path zip;
    /** The zip unzipped, as Gradescope does, into {@code autograder/source}. */
    private static Path source;

    @BeforeAll
    static void packageTheGradescopeAutograder() throws Exception {
        zip = dir.resolve("out/autograder.zip");
        int exit = run(List.of("bash", Course.REPO.resolve("grade").toString(), "package", "gradescope", EXERCISE,
                "--out", zip.toString()), dir, Map.of(), dir.resolve("package.log"));
        assertThat(exit).as(Files.readString(dir.resolve("package.log"))).isZero();
        assertThat(Files.readString(dir.resolve("package.log"))).as("the points to give the assignment").containsPattern("worth \\d+ points");
        source = dir.resolve("autograder/source");
        unzip(zip, source);
    }

    @Test
    void theGradescopeZipHasSetupAndRunAutograderAtItsRootExecutableWithLfLineEnds() throws Exception {
        try (FileSystem files = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            for (String script : List.of("setup.sh", "run_autograder", "lockstep/grade")) {
                Path entry = files.getPath(script);
                assertThat(Files.isRegularFile(entry)).as(script + " is a file of the zip").isTrue();
                String text = Files.readString(entry);
                assertThat(text).as(script).startsWith("#!/usr/bin/env bash\n").doesNotContain("\r");
                assertThat(Files.getPosixFilePermissions(entry)).as(script + "'s mode").contains(PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OWNER_READ);
            }
            assertThat(Files.readString(files.getPath("lockstep.conf"))).contains("LOCKSTEP_EXERCISES=" + EXERCISE + "}");
            for (String folder : List.of("lib", "runner")) {
                try (Stream<Path> jars = Files.list(files.getPath("lockstep/grader/cli/target/dist/" + folder))) {
                    assertThat(jars.map(Path::toString).toList()).as(folder).isNotEmpty().allMatch(n -> n.endsWith(".jar"));
                }
            }
        }
        if (onPath("zipinfo")) {
            Path list = dir.resolve("zipinfo.txt");
            assertThat(run(List.of("zipinfo", zip.toString()), dir, Map.of(), list)).isZero();
            assertThat(Files.readString(list)).as("Unix modes, as unzip reads them").containsPattern("(?m)^-rwxr-xr-x .* unx .* run_autograder$")
                    .containsPattern("(?m)^-rwxr-xr-x .* unx .* setup\\.sh$");
        }
    }

    @Test
    void setupInstallsAJdkAndBubblewrapWithAptGetThenStartsLockstep() throws Exception {
        // apt-get is a stand-in that records its arguments: the test installs nothing.
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path calls = dir.resolve("apt-get.txt");
        Files.writeString(bin.resolve("apt-get"), "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(bin.resolve("apt-get"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        int exit = run(List.of(source.resolve("setup.sh").toString()), dir,
                Map.of("PATH", bin + ":" + System.getenv("PATH")), dir.resolve("setup.log"));

        assertThat(exit).as(Files.readString(dir.resolve("setup.log"))).isZero();
        assertThat(Files.readAllLines(calls)).as("Ubuntu 22.04's packages: a JDK 21 and bubblewrap")
                .anySatisfy(call -> assertThat(call).startsWith("install -y").contains("openjdk-21-jdk-headless", "bubblewrap"));
        assertThat(Files.readString(dir.resolve("setup.log"))).as("grade --version ran").contains("Lockstep ");
        try (Stream<Path> archives = Files.list(source.resolve("lockstep/grader/cli/target/dist"))) {
            assertThat(archives.map(p -> p.getFileName().toString())).as("the class-data archive, in the image").anyMatch(n -> n.endsWith(".jsa"));
        }
    }

    @Test
    void runAutograderInAFakeAutograderRootWritesGradescopesResultsWithTheNativeTotal() throws Exception {
        Path root = dir.resolve("autograder");
        copyTemplates(root.resolve("submission"));
        int exit = run(List.of(source.resolve("run_autograder").toString()), root,
                Map.of("LOCKSTEP_AUTOGRADER_ROOT", root.toString(), "LOCKSTEP_SANDBOX", "off"), dir.resolve("gradescope.log"));

        assertThat(exit).isZero();
        JsonNode nativeResults = nativeResults(source.resolve("lockstep/results.json"));
        byte[] bytes = Files.readAllBytes(root.resolve("results/results.json"));
        assertThat(FormatChecks.validTotal("gradescope", bytes, max(nativeResults))).isEqualTo(nativeResults.get("score").asDouble());
        JsonNode results = JSON.readTree(bytes);
        assertThat(results.get("execution_time").isNumber()).isTrue();
        assertThat(results.get("stdout_visibility").asText()).isEqualTo("hidden");
        double maxScore = 0;
        for (JsonNode test : results.get("tests")) {
            assertThat(test.get("number").asText()).startsWith(EXERCISE + ".");
            assertThat(test.get("status").asText()).isIn("passed", "failed");
            assertThat(test.get("tags").get(0).asText()).isEqualTo(EXERCISE);
            maxScore += test.get("max_score").asDouble();
        }
        assertThat(maxScore).as("the tests' maximum is the exercise's").isEqualTo(max(nativeResults)).isPositive();
    }

    @Test
    void runAutograderWritesResultsEvenWhenLockstepCannotStart() throws Exception {
        Path root = dir.resolve("broken-autograder");
        Files.createDirectories(root.resolve("source"));
        Files.copy(source.resolve("run_autograder"), root.resolve("source/run_autograder"));
        int exit = run(List.of("bash", root.resolve("source/run_autograder").toString()), root,
                Map.of("LOCKSTEP_AUTOGRADER_ROOT", root.toString()), dir.resolve("broken.log"));

        assertThat(exit).isZero();
        assertThat(FormatChecks.validTotal("gradescope", Files.readAllBytes(root.resolve("results/results.json")), 0)).isZero();
    }

    @Test
    void thePrairieLearnEntrypointGradesTheExercisesOfDataJsonInAFakeGradeFolder() throws Exception {
        Path entrypoint = installEntrypoint();
        Path grade = dir.resolve("grade");
        copyTemplates(grade.resolve("student"));
        Files.createDirectories(grade.resolve("data"));
        Files.writeString(grade.resolve("data/data.json"), "{\"params\": {\"lockstep_exercises\": [\"" + EXERCISE + "\"]}, "
                + "\"submitted_answers\": {}, \"gradable\": true}");
        int exit = run(List.of(entrypoint.toString()), grade, Map.of("LOCKSTEP_GRADE_ROOT", grade.toString(), "LOCKSTEP_SANDBOX", "off"),
                dir.resolve("prairielearn.log"));

        assertThat(exit).isZero();
        JsonNode nativeResults = nativeResults(grade.resolve("results/lockstep.json"));
        assertThat(nativeResults.at("/exercises/0/id").asText()).as("only the exercise data.json names").isEqualTo(EXERCISE);
        assertThat(nativeResults.get("exercises")).hasSize(1);
        byte[] bytes = Files.readAllBytes(grade.resolve("results/results.json"));
        assertThat(FormatChecks.validTotal("prairielearn", bytes, max(nativeResults)))
                .isCloseTo(nativeResults.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        JsonNode results = JSON.readTree(bytes);
        assertThat(results.get("succeeded").asBoolean()).isTrue();
        assertThat(results.get("gradable").asBoolean()).isTrue();

        Files.writeString(grade.resolve("data/data.json"), "{\"params\": {\"lockstep_exercises\": \"mutex --learner-output\"}}");
        assertThat(run(List.of(entrypoint.toString()), grade, Map.of("LOCKSTEP_GRADE_ROOT", grade.toString()), dir.resolve("pl-bad.log"))).isZero();
        JsonNode refused = JSON.readTree(Files.readAllBytes(grade.resolve("results/results.json")));
        assertThat(refused.get("gradable").asBoolean(true)).as("an option in params is no exercise").isFalse();
        assertThat(refused.get("format_errors").get(0).asText()).contains("--learner-output");
    }

    @Test
    void thePrairieLearnDockerfileBuildsOnTemurinAndRunsTheEntrypointItCopies() throws IOException {
        List<String> lines = Files.readString(PLATFORMS.resolve("prairielearn/Dockerfile")).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> images = lines.stream().filter(l -> l.startsWith("FROM ")).map(l -> l.split("\\s+")[1]).toList();
        assertThat(images).isNotEmpty().allSatisfy(image -> {
            Matcher temurin = Pattern.compile("eclipse-temurin:(\\d+)-jdk").matcher(image);
            assertThat(temurin.matches()).as(image + " is an official Eclipse Temurin JDK image").isTrue();
            assertThat(Integer.parseInt(temurin.group(1))).isGreaterThanOrEqualTo(21);
        });
        Map<String, String> copied = new HashMap<>();
        for (String line : lines.stream().filter(l -> l.startsWith("COPY ")).toList()) {
            String[] words = line.split("\\s+");
            String from = words[words.length - 2];
            String to = words[words.length - 1];
            copied.put(to, from);
            Path exists = line.contains("--from=build") ? from.startsWith("/src/grader/cli/target/dist/")
                    ? Course.HOME.resolve(from.substring("/src/grader/cli/target/dist/".length())) : Course.REPO.resolve(from.substring("/src/".length()))
                    : Course.REPO.resolve(from);
            assertThat(exists).as("what " + line + " copies").exists();
        }
        String entrypoint = lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow()
                .replaceAll("ENTRYPOINT \\[\"([^\"]+)\"]", "$1");
        assertThat(copied.get(entrypoint)).isEqualTo("platforms/prairielearn/entrypoint.sh");
        assertThat(copied).as("the installation at the entrypoint's side, as in the repository")
                .containsKey(Path.of(entrypoint).resolveSibling("grade").toString());
        assertThat(Files.readString(Course.REPO.resolve("README.md"))).contains("\"entrypoint\": \"" + entrypoint);
    }

    @Test
    void vplsEvaluationPrintsClosedCommentBlocksAndOneLastGradeLineWithTheNativeTotal() throws Exception {
        Path jail = dir.resolve("vpl");
        copyTemplates(jail);
        Files.copy(PLATFORMS.resolve("vpl/vpl_evaluate.sh"), jail.resolve("vpl_evaluate.sh"));
        Map<String, String> env = Map.of("LOCKSTEP_HOME", source.resolve("lockstep").toString(), "LOCKSTEP_EXERCISES", EXERCISE,
                "LOCKSTEP_SANDBOX", "off");
        assertThat(run(List.of("bash", "vpl_evaluate.sh"), jail, env, dir.resolve("vpl-evaluate.log"))).isZero();
        assertThat(Files.readString(jail.resolve("vpl_execution"))).startsWith("#!/bin/bash\n");
        assertThat(Files.isExecutable(jail.resolve("vpl_execution"))).isTrue();
        Path output = dir.resolve("vpl-output.txt");
        assertThat(run(List.of(jail.resolve("vpl_execution").toString()), jail, Map.of(), output)).isZero();

        JsonNode nativeResults = nativeResults(jail.resolve("lockstep-results.json"));
        assertThat(FormatChecks.validTotal("vpl", Files.readAllBytes(output), max(nativeResults))).isEqualTo(nativeResults.get("score").asDouble());

        // The Run button's script writes a vpl_execution that runs ./grade on the same folder (not run here: a second grading).
        Path runner = dir.resolve("vpl-run");
        Files.createDirectories(runner);
        Files.copy(PLATFORMS.resolve("vpl/vpl_run.sh"), runner.resolve("vpl_run.sh"));
        assertThat(run(List.of("bash", "vpl_run.sh"), runner, env, dir.resolve("vpl-run.log"))).isZero();
        assertThat(Files.readString(runner.resolve("vpl_execution"))).startsWith("#!/bin/bash\n").contains("--submission \"$PWD\"");
        assertThat(run(List.of("bash", "-n", "vpl_execution"), runner, Map.of(), dir.resolve("vpl-run-syntax.log"))).isZero();

        Path broken = dir.resolve("vpl-broken");
        Files.createDirectories(broken);
        Files.copy(PLATFORMS.resolve("vpl/vpl_evaluate.sh"), broken.resolve("vpl_evaluate.sh"));
        assertThat(run(List.of("bash", "vpl_evaluate.sh"), broken, Map.of("LOCKSTEP_HOME", broken.resolve("nowhere").toString()),
                dir.resolve("vpl-broken.log"))).isZero();
        Path brokenOutput = dir.resolve("vpl-broken-output.txt");
        run(List.of(broken.resolve("vpl_execution").toString()), broken, Map.of(), brokenOutput);
        assertThat(FormatChecks.validTotal("vpl", Files.readAllBytes(brokenOutput), 0)).as("a grade of 0 when Lockstep cannot start").isZero();
    }

    @Test
    void theClassroomWorkflowGradesAndHandsTheBase64ResultToTheReporterUnderItsRunnersName() throws Exception {
        JsonNode flow = new YAMLMapper().readTree(PLATFORMS.resolve("classroom/.github/workflows/classroom.yml").toFile());
        assertThat(StreamSupport.stream(flow.at("/on").spliterator(), false).map(JsonNode::asText).toList()).contains("push");
        assertThat(flow.at("/permissions/checks").asText()).isEqualTo("write");
        JsonNode job = flow.get("jobs").elements().next();
        List<JsonNode> steps = StreamSupport.stream(job.get("steps").spliterator(), false).toList();
        JsonNode setupJava = step(steps, "actions/setup-java@");
        assertThat(setupJava.at("/with/distribution").asText()).isEqualTo("temurin");
        assertThat(Integer.parseInt(setupJava.at("/with/java-version").asText())).isGreaterThanOrEqualTo(21);
        assertThat(steps.indexOf(step(steps, "actions/checkout@"))).isLessThan(steps.indexOf(setupJava));
        JsonNode reporter = step(steps, "classroom-resources/autograding-grading-reporter@v1");
        String runner = reporter.at("/with/runners").asText();
        JsonNode grading = steps.stream().filter(s -> s.path("id").asText().equals(runner)).findFirst().orElseThrow();
        assertThat(steps.indexOf(grading)).isLessThan(steps.indexOf(reporter));
        assertThat(reporter.at("/env/" + runner.toUpperCase(java.util.Locale.ROOT) + "_RESULTS").asText())
                .as("the reporter reads the runner's result from <RUNNER ID>_RESULTS").isEqualTo("${{ steps." + runner + ".outputs.result }}");

        JsonNode lockstep = steps.stream().filter(s -> s.at("/with/path").asText().equals(".lockstep")).findFirst().orElseThrow();
        assertThat(lockstep.at("/with/repository").asText()).isEqualTo("${{ env.LOCKSTEP_REPOSITORY }}");
        assertThat(lockstep.get("if").asText()).contains("LOCKSTEP_REPOSITORY");
        assertThat(steps.indexOf(lockstep)).isLessThan(steps.indexOf(grading));

        // The learner's repository holds templates/ only, and Lockstep is checked out beside it (here: the installation the zip carries).
        Path repo = dir.resolve("learner");
        copyTemplates(repo.resolve("templates/ch10/cache"));
        Files.createSymbolicLink(repo.resolve(".lockstep"), source.resolve("lockstep"));
        Path output = dir.resolve("github-output.txt");
        Files.writeString(output, "");
        Map<String, String> env = new HashMap<>();
        flow.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        grading.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        assertThat(env).containsKeys("LOCKSTEP_EXERCISES", "LOCKSTEP_REPOSITORY");
        env.put("LOCKSTEP_EXERCISES", EXERCISE);
        env.put("LOCKSTEP_REPOSITORY", "a-course/lockstep");
        env.put("GITHUB_OUTPUT", output.toString());
        String script = grading.get("run").asText();
        assertThat(script).doesNotContain("${{");
        assertThat(run(List.of("bash", "-e", "-c", script), repo, env, dir.resolve("classroom.log"))).isZero();

        String line = Files.readString(output).lines().filter(l -> l.startsWith("result=")).findFirst().orElseThrow();
        byte[] result = Base64.getDecoder().decode(line.substring("result=".length()));
        JsonNode nativeResults = nativeResults(repo.resolve(".lockstep/results.json"));
        assertThat(FormatChecks.validTotal("classroom", result, max(nativeResults))).isEqualTo(nativeResults.get("score").asDouble());
        assertThat(JSON.readTree(result).get("max_score").asDouble()).isEqualTo(max(nativeResults)).isPositive();
    }

    @Test
    void theReadmeHasASectionPerPlatform() throws IOException {
        String readme = Files.readString(Course.REPO.resolve("README.md"));
        for (String section : List.of("Gradescope", "PrairieLearn", "GitHub Classroom", "Moodle VPL", "Any CI: JUnit XML")) {
            assertThat(readme).containsPattern("(?m)^#### " + Pattern.quote(section) + "$");
        }
        assertThat(readme).contains("./grade package gradescope", "platforms/prairielearn/Dockerfile",
                "platforms/classroom/.github/workflows/classroom.yml", "platforms/vpl/vpl_evaluate.sh", "--report junit=");
    }

    private static JsonNode step(List<JsonNode> steps, String uses) {
        return steps.stream().filter(s -> s.path("uses").asText().startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    /** The native results at {@code file}, valid against the schema. */
    private static JsonNode nativeResults(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        FormatChecks.validTotal("json", bytes, 0);
        return JSON.readTree(bytes);
    }

    private static double max(JsonNode nativeResults) {
        return nativeResults.get("maxScore").asDouble();
    }

    /** The PrairieLearn entrypoint where the Dockerfile puts it: beside the installation's {@code grade}. */
    private static Path installEntrypoint() throws IOException {
        Path entrypoint = source.resolve("lockstep/entrypoint.sh");
        if (!Files.exists(entrypoint)) {
            Files.copy(PLATFORMS.resolve("prairielearn/entrypoint.sh"), entrypoint);
            Files.setPosixFilePermissions(entrypoint, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return entrypoint;
    }

    /** The templates of {@link #EXERCISE}'s package, copied into {@code into}. */
    private static void copyTemplates(Path into) throws IOException {
        Files.createDirectories(into);
        Course.copyTree(Course.REPO.resolve("templates/ch10/cache"), into);
    }

    /** Unzips {@code zip} into {@code into} with each entry's Unix permissions, as Gradescope does. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (FileSystem files = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path root = files.getPath("/");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path entry : walk.toList()) {
                    Path target = into.resolve(root.relativize(entry).toString());
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(entry, target);
                        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                    }
                }
            }
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, command)));
    }

    /** Runs {@code command} in {@code cwd} with {@code env} added, its output (both streams) to {@code log}; returns its exit status. */
    private static int run(List<String> command, Path cwd, Map<String, String> env, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 300 s; its output: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }
}

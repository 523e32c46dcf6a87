package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lockstep.engine.report.FormatChecks;
import lockstep.engine.report.JsonReport;
import lockstep.engine.report.ReportFormats;
import lockstep.engine.result.GradeReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./grade} as a learner or a script runs it: a real process through the real script. */
@Timeout(600)
class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run grade(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(List.of(), env, args);
    }

    /** Runs {@code ./grade args} behind {@code prefix} (e.g. runuser), with {@code env} added. */
    private Run run(List<String> prefix, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("bash", Course.REPO.resolve("grade").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        keepStateHere(builder);
        // A learner's terminal, whatever the machine running this test turns off: env says what is set.
        builder.environment().remove("CI");
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("./grade finished").isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    /** The learner's state (progress, hints seen) in this test's folder, not in the checkout's {@code .lockstep/}. */
    private void keepStateHere(ProcessBuilder builder) {
        builder.environment().put("LOCKSTEP_STATE", dir.resolve("state").toString());
    }

    /** {@code --report FORMAT=FILE} for every format, each to {@code <format>.out} under {@code folder}. */
    private static List<String> everyReport(Path folder) {
        List<String> args = new ArrayList<>();
        for (String format : ReportFormats.names()) {
            args.addAll(List.of("--report", format + "=" + folder.resolve(format + ".out")));
        }
        return args;
    }

    /** Each report {@link #everyReport} asked for is there, valid, with {@code total}; returns them all as text. */
    private static String assertEveryReport(Path folder, double total, double max) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String format : ReportFormats.names()) {
            byte[] bytes = Files.readAllBytes(folder.resolve(format + ".out"));
            assertThat(FormatChecks.validTotal(format, bytes, max)).as(format).isEqualTo(total);
            all.append(new String(bytes, StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    @Test
    void gradesASubmissionWritesSchemaValidJsonAndExitsZero() throws Exception {
        Path json = dir.resolve("out/results.json");
        List<String> args = new ArrayList<>(List.of("--submission", Course.REPO.resolve("solutions").toString(),
                "--json", json.toString(), "mutex"));
        args.addAll(everyReport(dir.resolve("reports")));
        Run run = grade(Map.of(), args.toArray(String[]::new));

        assertThat(run.exit()).as(run.err()).isZero();
        GradeReport graded = JsonReport.read(json);
        assertEveryReport(dir.resolve("reports"), graded.score(), graded.maxScore());
        assertThat(run.out()).contains("The gradescope report written to " + dir.resolve("reports/gradescope.out"));
        assertThat(run.out()).contains("mutex", "Total:").doesNotContain("\u001B[");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonReport.schema())
                .validate(text, InputFormat.JSON)).isEmpty();
        GradeReport report = JsonReport.read(json);
        assertThat(report.exercises()).extracting(e -> e.id()).containsExactly("mutex");
        assertThat(report.score()).isEqualTo(report.maxScore()).isPositive();
    }

    @Test
    void theReportSaysWhichSandboxRanTheTestsAndOffTurnsItOff() throws Exception {
        Path json = dir.resolve("off.json");
        Run off = grade(Map.of(), "--sandbox=off", "--verbose", "--submission", Course.REPO.resolve("solutions").toString(),
                "--json", json.toString(), "mutex");

        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).contains("Sandbox: none (--sandbox=off was given); limits: ");
        assertThat(JsonReport.read(json).containment().osSandbox()).isEqualTo("off: --sandbox=off was given");
        assertThat(JsonReport.read(json).containment().processSplit()).isTrue();
        assertThat(JsonReport.read(json).containment().jvmEncapsulation())
                .as("the installed runner starts as a named module").isTrue();

        Run bad = grade(Map.of(), "--sandbox=sometimes", "--json", dir.resolve("r.json").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("auto, required or off");
    }

    @Test
    void aUserWhoCannotWriteTheInstallationGradesAndExitsZero() throws Exception {
        Path runuser = Path.of("/usr/sbin/runuser");
        assumeTrue(Files.isExecutable(runuser) && "root".equals(System.getProperty("user.name")),
                "needs root and runuser to grade as another user");
        assumeTrue(readableByAll(Course.REPO), "the checkout must be readable by other users");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        // A JDK path of its own, so that no grader archive exists for it yet: the script must not try to write one.
        Path jdk = Files.createSymbolicLink(home.resolve("jdk"), Path.of(System.getProperty("java.home")));
        Path json = home.resolve("results.json");

        Run run = run(List.of(runuser.toString(), "-u", "nobody", "--"),
                Map.of("HOME", home.toString(), "TMPDIR", home.toString(), "JAVA_HOME", jdk.toString()),
                "--submission", Course.REPO.resolve("solutions").toString(), "--json", json.toString(), "mutex");

        assertThat(run.exit()).as("exit status; stderr:%n%s", run.err()).isZero();
        assertThat(JsonReport.read(json).score()).isEqualTo(JsonReport.read(json).maxScore()).isPositive();
    }

    /** Whether every folder from the root down to {@code path} lets other users in. */
    private static boolean readableByAll(Path path) throws IOException {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            java.util.Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE) || !perms.contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void failUnderTurnsALowScoreIntoExitThreeAndTheReportExplainsEachFailure() throws Exception {
        Run run = grade(Map.of(), "--submission", Course.REPO.resolve("templates").toString(),
                "--json", dir.resolve("r.json").toString(), "--fail-under", "50", "spawn-join");

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("Not implemented yet", "hint:", "0/");
    }

    @Test
    void badUsageExitsTwoWithAPlainMessage() throws Exception {
        Run unknown = grade(Map.of(), "--json", dir.resolve("r.json").toString(), "no-such-exercise");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no exercise 'no-such-exercise'", "spawn-join", "mutex");

        List<String> nowhere = new ArrayList<>(List.of("--submission", dir.resolve("nowhere").toString(), "mutex"));
        nowhere.addAll(everyReport(dir.resolve("nowhere-reports")));
        Run missing = grade(Map.of(), nowhere.toArray(String[]::new));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere");
        int mutexMax = Course.grader().catalog().find("mutex").orElseThrow().maxScore();
        assertThat(assertEveryReport(dir.resolve("nowhere-reports"), 0, mutexMax)).as("every report says why")
                .contains("no submission at " + dir.resolve("nowhere"));

        Run format = grade(Map.of(), "--report", "html=" + dir.resolve("r.html"));
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("json, text, gradescope, prairielearn, classroom, junit, vpl");

        Run option = grade(Map.of(), "--no-such-option");
        assertThat(option.exit()).isEqualTo(2);

        Path broken = Files.writeString(dir.resolve("broken.zip"), "not a zip");
        Run zip = grade(Map.of(), "--submission", broken.toString(), "--json", dir.resolve("r.json").toString(), "mutex");
        assertThat(zip.exit()).as("an unreadable submission is not the grader's failure").isEqualTo(2);
        assertThat(zip.err()).contains("broken.zip is not a readable zip");
    }

    @Test
    void aGraderThatFailsStillWritesEveryRequestedReportWithZeroAndWhyAndExitsOne() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlockstep.home=" + dir.resolve("no-installation"), "-cp", Course.HOME.resolve("lib") + "/*", "lockstep.cli.Main",
                "--submission", Course.REPO.resolve("solutions").toString()));
        command.addAll(everyReport(dir.resolve("failed")));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("failed.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(dir.resolve("failed.txt"))).isEqualTo(1);
        double max = Course.grader().catalog().exercises().stream().mapToInt(e -> e.maxScore()).sum();
        assertThat(assertEveryReport(dir.resolve("failed"), 0, max)).contains("The grader failed", "lockstep.home is not set");
        assertThat(JsonReport.read(dir.resolve("failed/json.out")).failure().kind()).isEqualTo(GradeReport.Failure.Kind.GRADER_FAILED);
    }

    @Test
    void listShowsEveryExerciseWithItsPointsTheLastScoreAndTheChaptersProgress() throws Exception {
        Path json = dir.resolve("r.json");
        grade(Map.of(), "--submission", Course.REPO.resolve("solutions").toString(), "--json", json.toString(), "spawn-join");

        Run list = grade(Map.of(), "list", "--json", json.toString());

        assertThat(list.exit()).isZero();
        int max = Course.grader().catalog().find("spawn-join").orElseThrow().maxScore();
        int chapter = Course.grader().catalog().exercises().stream().mapToInt(e -> e.maxScore()).sum();
        assertThat(list.out()).containsPattern("spawn-join .* " + max + "/" + max + " +done");
        for (var exercise : Course.grader().catalog().exercises()) {
            assertThat(list.out()).containsPattern(exercise.order() + " +" + exercise.id() + " .* " + exercise.maxScore() + " ");
        }
        assertThat(list.out()).contains("Progress: [", "% of " + chapter + " points", "Next: mutex: ./grade mutex");
        assertThat(dir.resolve("state/progress.json")).as("an instructor's --submission other --json x is no learner's progress")
                .doesNotExist();
    }

    @Test
    void gradingTheLearnersOwnWorkKeepsEachExercisesLastResultForTheList() throws Exception {
        Path course = dir.resolve("course");
        copyTree(Course.REPO.resolve("solutions/ch10/mutex"), course.resolve("templates/ch10/mutex"));
        copyTree(Course.REPO.resolve("templates/ch10/spawn"), course.resolve("templates/ch10/spawn"));
        int mutexMax = Course.grader().catalog().find("mutex").orElseThrow().maxScore();

        assertThat(grader(course, "mutex").exit()).isZero();
        assertThat(grader(course, "spawn-join").exit()).isZero();
        assertThat(grader(course, "--submission", Course.REPO.resolve("solutions").toString(), "--json", dir.resolve("x.json").toString(),
                "bank").exit()).isZero();
        Run list = grader(course, "list");

        assertThat(JsonReport.read(course.resolve("results.json")).exercises()).as("results.json: the last run alone")
                .extracting(e -> e.id()).containsExactly("spawn-join");
        assertThat(Files.readString(course.resolve(".lockstep/progress.json"))).contains("\"mutex\"", "\"spawn-join\"")
                .doesNotContain("\"bank\"");
        assertThat(list.out()).containsPattern("mutex .* " + mutexMax + "/" + mutexMax + " +done")
                .containsPattern("spawn-join .* 0/[0-9]+ +not started").containsPattern("bank .* - +not started")
                .contains("(1 of ", "Next: spawn-join: ./grade spawn-join");
    }

    /** Runs the grader on the course repository {@code course} (its templates/, results.json and .lockstep/), not the checkout. */
    private Run grader(Path course, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlockstep.home=" + Course.HOME, "-Dlockstep.repo=" + course, "-cp", Course.HOME.resolve("lib") + "/*", "lockstep.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("grader-out.txt").toFile()).redirectError(dir.resolve("grader-err.txt").toFile());
        builder.environment().remove("LOCKSTEP_STATE");
        Process process = builder.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("grader-out.txt")), Files.readString(dir.resolve("grader-err.txt")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void hintShowsTheNextHintEachTimeThenAllOfThem() throws Exception {
        int hints = Course.grader().catalog().find("mutex").orElseThrow().hints().size();

        Run first = grade(Map.of(), "hint", "mutex");
        Run second = grade(Map.of(), "hint", "mutex");
        Run all = grade(Map.of(), "hint", "mutex", "--all");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Hint 1 of " + hints + ": ", "./grade hint mutex again", "exercises/mutex/README.md");
        assertThat(second.out()).contains("Hint 2 of " + hints + ": ");
        assertThat(all.out()).contains("1. ", hints + ". ");
        assertThat(dir.resolve("state/hints.json")).content().contains("\"mutex\" : " + hints);
    }

    @Test
    void coloursOnATerminalOnlyAndNeverWithNoColor() throws Exception {
        String command = "bash " + Course.REPO.resolve("grade") + " hint mutex && bash " + Course.REPO.resolve("grade")
                + " --submission " + Course.REPO.resolve("templates") + " --json " + dir.resolve("t.json") + " spawn-join";
        Run onTerminal = grade(Map.of(), "--version"); // warm: the terminal runs below must not build
        assertThat(onTerminal.exit()).isZero();

        Run tty = shell(Map.of(), "script", "-qec", command, "/dev/null");
        Run noColor = shell(Map.of("NO_COLOR", "1"), "script", "-qec", command, "/dev/null");

        assertThat(tty.out()).contains("\u001B[31m");
        assertThat(noColor.out()).contains("spawn-join").doesNotContain("\u001B[");
    }

    private Run shell(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("sh-out.txt").toFile()).redirectError(dir.resolve("sh-err.txt").toFile());
        keepStateHere(builder);
        // A learner's terminal, whatever the machine running this test turns off: env says what is set.
        builder.environment().remove("CI");
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("sh-out.txt")), Files.readString(dir.resolve("sh-err.txt")));
    }

    @Test
    void saysPlainlyWhenThereIsNoJavaAtAll() throws Exception {
        String said = gradeWithoutJdk21(null, dir.resolve("no-jdks-here").toString());

        assertThat(said).startsWith("grade: Lockstep needs a JDK 21 or newer, and none was found.\n").contains("JAVA_HOME");
    }

    @Test
    void namesTheOlderJavaItFoundAndSaysThatAJdk21OrNewerIsNeeded() throws Exception {
        Path jdk17 = fakeJava(dir.resolve("jdks/jdk-17.0.2"), "17.0.2", true);
        Path jre21 = fakeJava(dir.resolve("jdks/jre-21.0.1"), "21.0.1", false);

        // JAVA_HOME names the JDK 17 that the install folders list again: it is named once.
        String said = gradeWithoutJdk21(jdk17, dir.resolve("jdks") + "/*");

        assertThat(said).startsWith("grade: Lockstep needs a JDK 21 or newer, and found only " + jdk17 + " (Java 17), "
                + jre21 + " (Java 21, no javac).\n").contains("JAVA_HOME");
    }

    /** A Java home at {@code home} with a release file of {@code version} and stub launchers ({@code javac} too if {@code jdk}). */
    private static Path fakeJava(Path home, String version, boolean jdk) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        for (String tool : jdk ? List.of("java", "javac") : List.of("java")) {
            Files.writeString(bin.resolve(tool), "#!/bin/sh\necho 'fake " + tool + " " + version + "' >&2\nexit 1\n");
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }

    /**
     * Runs {@code ./grade list} with {@code javaHome} (none if null), a PATH with the script's tools
     * but no java or javac, and {@code jdkDirs} as the install folders; it must fail: returns what it said.
     */
    private String gradeWithoutJdk21(Path javaHome, String jdkDirs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of("/bin/bash").toString(), Course.REPO.resolve("grade").toString(), "list")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nojdk.txt").toFile());
        builder.environment().remove("JAVA_HOME");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("dirname", "sed", "head", "readlink", "cat", "ls", "cut", "cksum", "find")) {
            for (String folder : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(folder, tool);
                if (Files.isExecutable(real) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), real);
                }
            }
        }
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("LOCKSTEP_JDK_DIRS", jdkDirs);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome.toString());
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String said = Files.readString(dir.resolve("nojdk.txt"));
        assertThat(process.exitValue()).as(said).isEqualTo(1);
        return said;
    }

    @Test
    void findsAJdk21EvenWhenJavaHomePointsAtAnOlderOne() throws Exception {
        Path old = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Run run = grade(Files.isDirectory(old) ? Map.of("JAVA_HOME", old.toString()) : Map.of(), "--version");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Lockstep ");
    }
}

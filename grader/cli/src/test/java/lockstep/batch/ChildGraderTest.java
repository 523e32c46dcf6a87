package lockstep.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lockstep.batch.output.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child grader's command line, and how its exit becomes a verdict, with a stand-in for {@code java}. */
class ChildGraderTest {
    @TempDir
    Path dir;

    private ChildGrader grader(Path java, Duration limit) {
        return new ChildGrader(new ChildGrader.Launch(java, List.of("-XX:+UseSerialGC", "-Xshare:auto"), dir.resolve("home"), dir.resolve("repo"), "auto",
                List.of("mutex", "bank"), limit));
    }

    /** A stand-in for java: a shell script. */
    private Path fakeJava(String body) throws IOException {
        Path script = dir.resolve("java-" + Math.abs(body.hashCode()));
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void runsTheGradeScriptsCommandLineWithTheHiddenLifelineAndTheExercises() {
        List<String> command = grader(Path.of("/jdk/bin/java"), Duration.ofMinutes(1)).command(Path.of("/s/alice"), Path.of("/w/r.json"));

        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command).containsSubsequence("-XX:+UseSerialGC", "-Xshare:auto", "-Dlockstep.home=" + dir.resolve("home"), "-Dlockstep.repo=" + dir.resolve("repo"),
                "-cp", dir.resolve("home/lib") + "/*", "lockstep.cli.Main", ChildGrader.DIE_WITH_STDIN, "--sandbox=auto",
                "--submission", "/s/alice", "--json", "/w/r.json", "mutex", "bank");
    }

    @Test
    void theChildTakesTheGradeScriptsJvmOptionsButNotItsLockstepPropertiesNorWritingTheArchive() {
        List<String> script = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:SharedArchiveFile=/d/grader-1.jsa",
                "-XX:+AutoCreateSharedArchive", "-Xlog:disable", "-Dlockstep.home=/d", "-Dlockstep.tty=true", "-Dlockstep.archive=/d/grader-1.jsa");

        assertThat(ChildGrader.inherited(script)).containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:SharedArchiveFile=/d/grader-1.jsa", "-Xlog:disable");
    }

    @Test
    void exitTwoIsUnreadableAnyOtherFailureIsFailedWithWhatTheGraderSaid() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));

        Outcome unreadable = grader(fakeJava("echo 'grade: cannot read the submission: x.zip is not a readable zip' >&2; exit 2"),
                Duration.ofMinutes(1)).grade(dir, work);
        Outcome failed = grader(fakeJava("echo 'Picked up JAVA_TOOL_OPTIONS'; echo 'grade: the grader failed: boom' >&2; "
                + "echo 'at somewhere' >&2; exit 1"), Duration.ofMinutes(1)).grade(dir, work);
        Outcome killed = grader(fakeJava("kill -9 $$"), Duration.ofMinutes(1)).grade(dir, work);
        Outcome noResults = grader(fakeJava("exit 0"), Duration.ofMinutes(1)).grade(dir, work);

        assertThat(unreadable.verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(unreadable.reason()).isEqualTo("cannot read the submission: x.zip is not a readable zip");
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.reason()).isEqualTo("the grader exited with status 1: the grader failed: boom");
        assertThat(killed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(killed.reason()).contains("status 137", "printed nothing");
        assertThat(noResults.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(noResults.reason()).contains("results cannot be read");
    }

    @Test
    void aGraderThatOverrunsItsLimitIsStoppedAndRecordedAsFailed() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        long start = System.nanoTime();

        Outcome outcome = grader(fakeJava("sleep 60"), Duration.ofMillis(500)).grade(dir, work);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.reason()).contains("took longer than");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void theChildSeesItsStandardInputOpenWhileItRuns() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        // cat ends only at the end of input: if stdin stays open for a second, timeout stops it and the stand-in exits 2.
        Path java = fakeJava("if timeout 1 sh -c 'cat >/dev/null'; then exit 1; else exit 2; fi");

        Outcome outcome = grader(java, Duration.ofMinutes(1)).grade(dir, work);

        assertThat(outcome.verdict()).as("stdin was still open after a second").isEqualTo(Verdict.UNREADABLE);
    }
}

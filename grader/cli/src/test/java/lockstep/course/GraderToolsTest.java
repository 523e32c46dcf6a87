package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The developer tools under {@code grader/} (the long checks and benchmarks kept out of the test
 * command) run rarely, so a change that breaks one would go unseen: each single-file program must
 * compile against the grader's classes, and each script must parse.
 */
class GraderToolsTest {
    private static final Path REPO = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath().normalize();

    @Test
    void everySingleFileProgramCompilesAgainstTheGradersClasses(@TempDir Path out) throws IOException {
        List<Path> programs = tools(p -> p.toString().endsWith(".java"));
        assertThat(programs).as("single-file programs under grader/")
                .extracting(p -> p.getFileName().toString()).contains("ClassCheck.java", "VerifyTable.java", "FlakyTable.java");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (Path program : programs) {
            StringWriter errors = new StringWriter();
            boolean ok = javac.getTask(errors, null, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", out.resolve(program.getFileName().toString()).toString(),
                            "-proc:none", "-Xlint:none"),
                    null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(program)).call();
            assertThat(ok).as("whether %s compiles:%n%s", program, errors).isTrue();
        }
    }

    @Test
    void everyScriptParses() throws IOException, InterruptedException {
        List<Path> scripts = tools(p -> !p.getFileName().toString().contains(".") && Files.isExecutable(p));
        assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("class-check", "bench-batch", "jobs-check", "flaky");
        for (Path script : scripts) {
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as("bash -n %s: %s", script, new String(bash.getInputStream().readAllBytes())).isZero();
        }
    }

    private static List<Path> tools(java.util.function.Predicate<Path> which) throws IOException {
        try (Stream<Path> files = Files.list(REPO.resolve("grader"))) {
            return files.filter(Files::isRegularFile).filter(which).sorted().toList();
        }
    }
}

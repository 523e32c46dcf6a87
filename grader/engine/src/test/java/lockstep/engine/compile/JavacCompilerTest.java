package lockstep.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavacCompilerTest {
    @TempDir
    Path out;

    @Test
    void compilesIntoTheOutputFolder() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("a/Hello.java", "demo", "Hello",
                "package demo;\npublic final class Hello { public static String hi() { return \"hi\"; } }")), out);

        assertThat(result.success()).isTrue();
        assertThat(out.resolve("demo/Hello.class")).exists();
    }

    @Test
    void reportsErrorsAsFileLineMessage() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("x/Broken.java", "demo", "Broken",
                "package demo;\n\npublic class Broken {\n  int x = \"text\";\n}\n")), out);

        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).singleElement().asString()
                .startsWith("Broken.java:4: ").contains("incompatible types");
    }

    @Test
    void runsNoAnnotationProcessorsAndSeesNoClassPath() {
        CompileResult result = Compiler.create().compile(List.of(new SourceFile("U.java", "demo", "U",
                "package demo;\nclass U { org.junit.jupiter.api.Test t; }")), out);

        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).singleElement().asString().contains("U.java:2:", "does not exist");
    }
}

package lockstep.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** javac's printed errors, one text each, as javac wrote them; long code lines shown around the caret. */
class JavacLogTest {
    private static List<String> errors(String printed, int max) {
        JavacLog log = new JavacLog();
        log.write(printed.toCharArray(), 0, printed.length());
        return log.errors(max);
    }

    @Test
    void eachErrorWithItsCodeLineCaretAndDetailsWithoutTheCountOrNotes() {
        String printed = """
                ch10/spawn/Workers.java:3: error: cannot find symbol
                \tvoid go() { spawnn(); }
                \t            ^
                  symbol:   method spawnn()
                  location: class Workers
                ch10/spawn/Workers.java:5: error: ';' expected
                    int x = 3
                             ^
                Note: Some input files use unchecked or unsafe operations.
                2 errors
                """;
        assertThat(errors(printed, 20)).containsExactly("""
                ch10/spawn/Workers.java:3: error: cannot find symbol
                \tvoid go() { spawnn(); }
                \t            ^
                  symbol:   method spawnn()
                  location: class Workers""", """
                ch10/spawn/Workers.java:5: error: ';' expected
                    int x = 3
                             ^""");
        assertThat(errors(printed, 1)).hasSize(1);
    }

    @Test
    void windowsLineEndsAndAnErrorWithoutAFile() {
        assertThat(errors("error: invalid flag: -foo\r\nA.java:1: error: x\r\nclass A {\r\n^\r\n2 errors\r\n", 20))
                .containsExactly("error: invalid flag: -foo", "A.java:1: error: x\nclass A {\n^");
    }

    @Test
    void aCrashReportIsNoError() {
        assertThat(errors("An exception has occurred in the compiler (25). Please file a bug...\n"
                + "java.lang.StackOverflowError\n\tat com.sun.tools.javac.comp.Attr.attribTree(Attr.java:1)\n", 20)).isEmpty();
    }

    @Test
    void aHugeLineIsKeptInPartAndShownAroundTheCaret() {
        String code = "class A { String s = \"" + "x".repeat(700) + "\" + ; }";
        int spot = code.lastIndexOf(';');
        List<String> lines = List.of(errors("A.java:1: error: illegal start of expression\n" + code + "\n" + " ".repeat(spot) + "^\n",
                20).get(0).split("\n"));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("...").endsWith("\" + ; }").hasSize(JavacLog.MAX_CODE_LINE + 3);
        assertThat(lines.get(2).indexOf('^')).isEqualTo(lines.get(1).lastIndexOf(';'));
    }

    @Test
    void aCaretPastWhatWasKeptOfTheLineDropsTheCodeLine() {
        String code = "x".repeat(5_000) + ";";
        List<String> kept = errors("A.java:1: error: e\n" + code + "\n" + " ".repeat(5_000) + "^\n", 20);

        assertThat(kept).containsExactly("A.java:1: error: e");
    }

    @Test
    void keepsAtMostTheCapInAll() {
        JavacLog log = new JavacLog();
        char[] line = ("y".repeat(500) + "\n").toCharArray();
        for (int i = 0; i < 1_000; i++) {
            log.write(line, 0, line.length);
        }
        assertThat(log.toString()).hasSize(JavacLog.MAX_CHARS);
    }
}

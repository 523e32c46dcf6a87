package lockstep.engine.compile;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What javac prints, kept for the learner as javac's own words: each error as
 * {@code path:line: error: message}, the code line, a caret under the spot and the message's
 * detail lines ({@code symbol:}, {@code location:}), the same text {@code javac} or an IDE shows.
 *
 * <p>As a {@link Writer} it keeps at most {@link #MAX_LINE} characters of a line and
 * {@link #MAX_CHARS} in all, so that a source of one huge line cannot fill memory; {@link #errors}
 * then shows a long code line around its caret only.
 */
final class JavacLog extends Writer {
    /** The most characters kept of one printed line. */
    static final int MAX_LINE = 1_000;
    /** The most characters kept in all. */
    static final int MAX_CHARS = 64 * 1024;
    /** The most characters of a code line shown in an error; longer ones are cut around the caret. */
    static final int MAX_CODE_LINE = 160;

    private static final Pattern START = Pattern.compile("^(?:\\S.*:\\d+: )?error: .*");
    private static final Pattern CARET = Pattern.compile("^[ \\t]*\\^$");
    private static final Pattern SUMMARY = Pattern.compile("^(?:\\d+ (?:errors?|warnings?)|Note: .*|warning: .*)$");

    private final StringBuilder text = new StringBuilder();
    private int lineLength;

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length && text.length() < MAX_CHARS; i++) {
            char c = buffer[i];
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                lineLength = 0;
                text.append(c);
            } else if (lineLength++ < MAX_LINE) {
                text.append(c);
            }
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** All that was kept, as printed (a crash report, when javac caught its own crash). */
    @Override
    public String toString() {
        return text.toString();
    }

    /** The errors javac printed, at most {@code max}, each as one text of several lines; empty when it printed none. */
    List<String> errors(int max) {
        return errors(text.toString(), max);
    }

    static List<String> errors(String log, int max) {
        List<List<String>> blocks = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (START.matcher(line).matches()) {
                blocks.add(new ArrayList<>(List.of(line)));
            } else if (!blocks.isEmpty() && !SUMMARY.matcher(line).matches()) {
                blocks.get(blocks.size() - 1).add(line);
            }
        }
        return blocks.stream().limit(max).map(JavacLog::shortened).toList();
    }

    /** The error with its code line cut around the caret when it is long, or left out when the caret is past what was kept. */
    private static String shortened(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 1; i + 1 < out.size(); i++) {
            String code = out.get(i);
            String caret = out.get(i + 1);
            boolean caretCut = caret.isBlank() && caret.length() >= MAX_LINE; // its ^ was past what a line keeps
            if (!caretCut && (!CARET.matcher(caret).matches() || code.length() <= MAX_CODE_LINE)) {
                continue;
            }
            int spot = caret.length() - 1;
            if (caretCut || spot >= code.length()) {
                out.remove(i + 1);
                out.remove(i);
                break;
            }
            int from = Math.max(0, Math.min(spot - MAX_CODE_LINE / 2, code.length() - MAX_CODE_LINE));
            int to = Math.min(code.length(), from + MAX_CODE_LINE);
            String before = from > 0 ? "..." : "";
            String after = to < code.length() ? "..." : "";
            out.set(i, before + code.substring(from, to) + after);
            out.set(i + 1, " ".repeat(before.length()) + caret.substring(from, spot) + "^");
            break;
        }
        return String.join("\n", out);
    }
}

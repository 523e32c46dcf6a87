package lockstep.engine.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/** Text handling every format shares: cleaning learner text, cutting it to size, numbers and messages. */
final class Texts {
    private Texts() {}

    /**
     * {@code text} with LF line ends only, no control characters but tab and LF, and no lone
     * surrogate (each becomes U+FFFD): safe for JSON, XML and line-based formats alike. Null stays null.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if (c == '\t' || c == '\n' || (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0))) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #clean} text of at most {@code max} characters, cut at a character boundary and saying so. */
    static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return clean(text);
        }
        String marker = "\n[... cut: " + (text.length() - max) + " more characters]";
        int end = Math.max(0, max - marker.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return clean(text.substring(0, end)) + marker;
    }

    /** Points as a plain decimal: no exponent, no grouping, at most four decimals, {@code 12}, {@code 12.5}. */
    static String plain(double points) {
        if (!Double.isFinite(points)) {
            return "0";
        }
        return BigDecimal.valueOf(points).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                .replaceFirst("^-0$", "0");
    }

    /** Points rounded as {@link #plain} rounds them, as a number; NaN and infinities become 0. */
    static double points(double points) {
        return Double.isFinite(points) ? Double.parseDouble(plain(points)) : 0;
    }

    /** A learner's score as a fraction of the maximum, computed once: in [0, 1], 0 when there is no maximum. */
    static double fraction(GradeReport report) {
        double max = report.maxScore();
        double score = report.score();
        if (!(max > 0) || !Double.isFinite(score) || !Double.isFinite(max)) {
            return 0;
        }
        double fraction = score / max;
        return fraction >= 1 ? 1.0 : fraction <= 0 ? 0.0 : fraction;
    }

    /** Whether the exercise's tests ran (even if some JVM died or time ran out). */
    static boolean ran(ExerciseResult exercise) {
        return switch (exercise.status()) {
            case GRADED, CRASHED, TIMED_OUT -> true;
            case COMPILE_ERROR, REJECTED, MISSING -> false;
        };
    }

    /** The one-line verdict on an exercise: {@code mutex: 12/27 (compile-error)}. */
    static String verdict(ExerciseResult exercise) {
        return exercise.id() + ": " + plain(exercise.score()) + "/" + plain(exercise.maxScore())
                + (exercise.status() == lockstep.engine.result.ExerciseStatus.GRADED ? "" : " (" + exercise.status().json() + ")");
    }

    /**
     * What a learner reads about one test: its status, message and hint, and what the code printed
     * when {@code learnerOutput}; each part cut to {@code cap} characters. Empty for a pass.
     */
    static String feedback(TestResult test, boolean learnerOutput, int cap) {
        if (test.status() == TestStatus.PASSED) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(statusWords(test.status()) + (test.message() == null ? "" : ": " + cap(test.message(), cap)));
        if (test.hint() != null) {
            parts.add("Hint: " + cap(test.hint(), cap));
        }
        if (learnerOutput && !test.output().isBlank()) {
            parts.add("Your code printed:\n" + cap(test.output(), cap));
        }
        return String.join("\n", parts);
    }

    static String statusWords(TestStatus status) {
        return switch (status) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case ERRORED -> "Errored";
            case TIMED_OUT -> "Timed out";
            case NOT_RUN -> "Not run";
        };
    }

    /**
     * What a learner reads about the whole submission: why it was not graded, or each exercise's
     * verdict and message, the notes and the total; every message cut to {@code cap} characters.
     */
    static String summary(GradeReport report, int cap) {
        List<String> lines = new ArrayList<>();
        if (report.failure() != null) {
            lines.add((report.failure().kind() == GradeReport.Failure.Kind.GRADER_FAILED
                    ? "The grader failed, so nothing was graded: " : "Nothing was graded: ") + cap(report.failure().message(), cap));
        }
        for (ExerciseResult exercise : report.exercises()) {
            lines.add(verdict(exercise));
            if (exercise.message() != null) {
                lines.add(indent(cap(exercise.message(), cap)));
            }
        }
        for (String note : report.notes()) {
            lines.add("Note: " + cap(note, cap));
        }
        lines.add("Total: " + plain(report.score()) + "/" + plain(report.maxScore()));
        return String.join("\n", lines);
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}

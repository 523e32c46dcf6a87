package lockstep.progress;

import lockstep.engine.report.TextReport;

/** The chapter's progress as one line: {@code [#######.............] 35% of 208 points}. */
public final class ProgressBar {
    /** How many characters the bar has between its brackets. */
    public static final int WIDTH = 20;

    private ProgressBar() {}

    /**
     * The bar and the percentage of {@code max} that {@code score} is, both rounded down, so that
     * they say 100% only at full marks.
     */
    public static String line(double score, double max) {
        double earned = max <= 0 ? 0 : Math.clamp(score, 0, max);
        int filled = max <= 0 ? 0 : (int) Math.floor(earned * WIDTH / max);
        int percent = max <= 0 ? 0 : (int) Math.floor(earned * 100 / max);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% of " + TextReport.number(max) + " points";
    }
}

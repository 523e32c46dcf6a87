package lockstep.batch.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the batch writes numbers: scores and percentages as plain decimals, as every gradebook reads them. */
public final class Scores {
    private Scores() {}

    /**
     * {@code score} in percent of {@code max}, rounded to two decimals, from 0 to 100 and never
     * above: a gradebook such as Moodle's refuses more than the maximum.
     */
    public static double percent(double score, double max) {
        if (!(max > 0) || !(score > 0)) {
            return 0;
        }
        double percent = Math.min(100.0, score * 100.0 / max);
        return BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * A plain decimal with a dot, no exponent, no thousands separator and at most two decimals:
     * {@code 10}, {@code 7.5}, {@code 66.67}.
     */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a number a gradebook can hold: " + value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}

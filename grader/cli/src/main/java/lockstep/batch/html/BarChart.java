package lockstep.batch.html;

import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A histogram as inline SVG, drawn by the report itself so that the file needs nothing from the
 * network. Every bar is drawn, an empty one with no height, and carries its bin and count as
 * {@code data-bin} and {@code data-count}, with its count written above it and a tooltip.
 */
final class BarChart {
    static final int BAR = 30;
    static final int GAP = 6;
    static final int PLOT_HEIGHT = 120;
    private static final int TOP = 18;
    private static final int LEFT = 8;
    private static final int BOTTOM = 34;

    private BarChart() {}

    /**
     * Appends the chart of {@code histogram} to {@code parent}.
     *
     * @param label what is counted, for the chart's accessible name
     */
    static Element append(Element parent, Findings.Histogram histogram, String label) {
        List<Integer> counts = histogram.counts();
        int highest = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int width = LEFT * 2 + counts.size() * (BAR + GAP);
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        Element svg = parent.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("role", "img")
                .attr("width", Integer.toString(width)).attr("height", Integer.toString(height))
                .attr("viewBox", "0 0 " + width + " " + height);
        svg.appendElement("title").text(label);
        int baseline = TOP + PLOT_HEIGHT;
        svg.appendElement("line").addClass("axis").attr("x1", Integer.toString(LEFT)).attr("x2", Integer.toString(width - LEFT))
                .attr("y1", Integer.toString(baseline)).attr("y2", Integer.toString(baseline));
        for (int i = 0; i < counts.size(); i++) {
            int count = counts.get(i);
            int barHeight = highest == 0 ? 0 : (int) Math.round((double) count * PLOT_HEIGHT / highest);
            int x = LEFT + i * (BAR + GAP) + GAP / 2;
            String bin = Findings.BINS.get(i);
            Element bar = svg.appendElement("rect").addClass("bar").attr("data-bin", bin).attr("data-count", Integer.toString(count))
                    .attr("x", Integer.toString(x)).attr("y", Integer.toString(baseline - barHeight))
                    .attr("width", Integer.toString(BAR)).attr("height", Integer.toString(barHeight));
            bar.appendElement("title").text(count + (count == 1 ? " student" : " students") + ": " + describe(i));
            svg.appendElement("text").addClass("count").attr("x", Integer.toString(x + BAR / 2))
                    .attr("y", Integer.toString(baseline - barHeight - 4)).text(Integer.toString(count));
            svg.appendElement("text").addClass("bin").attr("x", Integer.toString(x + BAR / 2))
                    .attr("y", Integer.toString(baseline + 14)).text(bin);
        }
        svg.appendElement("text").addClass("axis-title").attr("x", Integer.toString(width / 2))
                .attr("y", Integer.toString(baseline + 30)).text("% of the points");
        return svg;
    }

    /** A bin in words, for its tooltip. */
    static String describe(int bin) {
        if (bin == 0) {
            return "no points";
        }
        if (bin == Findings.BINS.size() - 1) {
            return "full marks";
        }
        int low = (bin - 1) * 10;
        return (low == 0 ? "more than 0" : low + "% or more") + ", under " + (low + 10) + "%";
    }
}

package lockstep.batch.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The report as a browser shows it: headless Chromium (Debian's {@code chromium}, which
 * {@code ./grade selftest} installs when missing and root) renders a report whose counts are
 * known, and the test reads what it rendered: the DOM after loading, and a screenshot (kept as
 * {@code target/report.png}) in which the total's bars have the heights of their counts.
 * Skipped, with the reason, where there is no Chromium.
 */
@Timeout(180)
class ClassReportRenderingTest {
    private static final Path TARGET = Path.of("target");
    private static final int OVERALL_BAR = 0x1f5fae;
    private static Path report;
    private static Path profile;

    @BeforeAll
    static void writeReport() throws IOException {
        Path folder = Files.createDirectories(TARGET.resolve("report-rendering"));
        report = folder.resolve("report.html");
        Files.writeString(report, new ReportClass().html());
        profile = Files.createDirectories(folder.resolve("chromium-profile"));
    }

    private static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    /** Runs headless Chromium on the report with {@code args}; returns what it printed. */
    private static String render(String... args) throws IOException, InterruptedException {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium on PATH: ./grade selftest installs it as root on Debian (apt-get install chromium)");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        command.add(report.toAbsolutePath().toUri().toString());
        Path out = Files.createTempFile(TARGET, "chromium-", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 150 s: " + command);
        }
        assertThat(process.exitValue()).as("chromium's exit status").isZero();
        String printed = Files.readString(out);
        Files.delete(out);
        return printed;
    }

    @Test
    void theRenderedPageHoldsEveryChartWithItsCountsAndNoLearnerMarkup() throws Exception {
        Document page = Jsoup.parse(render("--dump-dom"));

        assertThat(page.select("figure[data-chart] svg")).hasSize(3);
        assertThat(ClassReportTest.counts(page, "figure[data-chart=overall]")).isEqualTo(ReportClass.OVERALL);
        assertThat(ClassReportTest.counts(page, "figure[data-exercise=channel]")).isEqualTo(ReportClass.CHANNEL);
        assertThat(page.select("figure[data-chart=overall] text.count").eachText())
                .isEqualTo(ReportClass.OVERALL.stream().map(String::valueOf).toList());
        assertThat(page.select("table.failing tbody tr").first().attr("data-students")).isEqualTo("3");
        assertThat(page.select("script, img")).as("learner markup stays text").isEmpty();
        assertThat(page.select("table.students td").eachText()).contains(ReportClass.HOSTILE);
    }

    @Test
    void theScreenshotShowsTheTotalsBarsAtTheHeightsOfTheirCounts() throws Exception {
        Path png = TARGET.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        render("--screenshot=" + png, "--window-size=1280,1200");

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a screenshot at %s", png).isNotNull();
        List<int[]> bars = bars(image);
        List<Integer> expected = ReportClass.OVERALL.stream().filter(c -> c > 0).toList();
        int highest = expected.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(bars).as("the total's bars, left to right (x, height)").hasSize(expected.size());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i)[1]).as("bar %d's height", i)
                    .isCloseTo(expected.get(i) * BarChart.PLOT_HEIGHT / highest, org.assertj.core.data.Offset.offset(2));
        }
        assertThat(bars.get(1)[0] - bars.get(0)[0]).as("the gap from bin 0 to bin 20: three bins")
                .isCloseTo(3 * (BarChart.BAR + BarChart.GAP), org.assertj.core.data.Offset.offset(2));
    }

    /** The total's bars in the screenshot: for each run of columns in its colour, its left x and its height in pixels. */
    private static List<int[]> bars(BufferedImage image) {
        List<int[]> bars = new ArrayList<>();
        int start = -1;
        int height = 0;
        for (int x = 0; x <= image.getWidth(); x++) {
            int column = 0;
            if (x < image.getWidth()) {
                for (int y = 0; y < image.getHeight(); y++) {
                    if ((image.getRGB(x, y) & 0xffffff) == OVERALL_BAR) {
                        column++;
                    }
                }
            }
            if (column > 0 && start < 0) {
                start = x;
                height = column;
            } else if (column > 0) {
                height = Math.max(height, column);
            } else if (start >= 0) {
                bars.add(new int[] {start, height});
                start = -1;
            }
        }
        return bars;
    }
}

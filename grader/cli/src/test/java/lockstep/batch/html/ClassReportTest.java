package lockstep.batch.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The report's content, read back with an HTML parser: its numbers, its tables, and learner text kept as text. */
class ClassReportTest {
    private final ReportClass known = new ReportClass();
    private final String html = known.html();
    private final Document page = Jsoup.parse(html);

    static List<Integer> counts(Document page, String chart) {
        return page.select(chart + " rect.bar").stream().map(r -> Integer.parseInt(r.attr("data-count"))).toList();
    }

    @Test
    void countsEveryStudentWithAScoreInTheDistributionOfTheTotalAndOfEachExercise() {
        assertThat(counts(page, "figure[data-chart=overall]")).isEqualTo(ReportClass.OVERALL);
        assertThat(counts(page, "figure[data-exercise=mutex]")).isEqualTo(ReportClass.MUTEX);
        assertThat(counts(page, "figure[data-exercise=channel]")).isEqualTo(ReportClass.CHANNEL);
        assertThat(page.select("figure[data-chart=overall] text.count").eachText())
                .isEqualTo(ReportClass.OVERALL.stream().map(String::valueOf).toList());
        assertThat(page.select("figure[data-chart=overall] text.bin").eachText()).isEqualTo(Findings.BINS);
        assertThat(page.selectFirst("figure[data-chart=overall] figcaption").text())
                .contains("37 points", "6 students with a score", "1 without");
        assertThat(page.selectFirst("li[data-total=students]").text()).isEqualTo("7 students");
        assertThat(page.selectFirst("tr[data-exercise=mutex] td[data-status=compile-error]").text()).isEqualTo("1");
        assertThat(page.selectFirst("tr[data-exercise=mutex] td[data-status=rejected]").text()).isEqualTo("1");
    }

    @Test
    void listsTheTestsMostStudentsFailWithTheirMessagesGroupedAndCounted() {
        List<Element> rows = page.select("table.failing tbody tr");
        assertThat(rows).extracting(r -> r.attr("data-test")).containsExactly("channel/ChannelTest#sends", "mutex/MutexTest#locks");
        assertThat(rows.get(0).select("td.num").text()).startsWith("3 of 5");
        assertThat(rows.get(1).select("td.num").text()).startsWith("2 of 3");
        assertThat(rows.get(1).select("ul.messages li code").eachText()).containsExactlyInAnyOrder(
                ReportClass.HOSTILE_MESSAGE, "Your code threw java.lang.UnsupportedOperationException: TODO: lock the mutex");
    }

    @Test
    void groupsMessagesThatDifferOnlyInTheirNumbers() {
        Findings.FailingTest test = Findings.of(known.summary, known::results).failing().get(1);
        assertThat(test.messages()).hasSize(2);
        assertThat(Findings.firstLine("expected 3\nbut was 2")).isEqualTo("expected 3");
    }

    @Test
    void flagsWhatWasNotGradedAndWhatTrippedContainment() {
        assertThat(page.select("table.flags tbody tr")).extracting(r -> r.select("td").get(0).text() + " " + r.attr("data-kind")
                + " " + r.select("td").get(2).text())
                .containsExactly("dan unreadable ", "eve grader failed ", "fay rejected mutex", "fay exit channel");
    }

    @Test
    void linksEveryStudentWithASubmissionToTheirFeedback() {
        assertThat(page.select("table.students tbody tr")).hasSize(7);
        assertThat(page.select("table.students a.feedback").eachAttr("href"))
                .contains("students/ann/feedback.txt", "students/dan/feedback.txt")
                .allMatch(href -> href.matches("students/[A-Za-z0-9._@+-]+/feedback\\.txt"));
    }

    @Test
    void keepsLearnerTextAsTextAndLetsNoScriptRun() {
        assertThat(page.select("script, img, i, b:contains(broken)")).isEmpty();
        assertThat(page.select("table.students td").eachText()).contains(ReportClass.HOSTILE, "<i>Mallory</i>");
        assertThat(html).doesNotContain("<script>", "<img", "<i>Mallory").contains("&lt;script&gt;");
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(page.select("[src], link, object, iframe, [href^=http], [href^=//]")).as("nothing loads from anywhere").isEmpty();
    }
}

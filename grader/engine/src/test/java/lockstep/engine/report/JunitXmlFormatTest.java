package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import lockstep.engine.result.GradeReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML as the Jenkins JUnit and xUnit plugins read it, a test per rule. */
class JunitXmlFormatTest {
    static byte[] bytes(GradeReport report, boolean learnerOutput) throws Exception {
        return new JunitXmlFormat(new ReportOptions(learnerOutput)).render(report);
    }

    static Document render(GradeReport report, boolean learnerOutput) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes(report, learnerOutput)));
    }

    static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void isValidAgainstTheJenkinsJunitSchema() throws Exception {
        for (GradeReport report : SampleReports.all().values()) {
            FormatChecks.junitTotal(bytes(report, true));
            FormatChecks.junitTotal(bytes(report, false));
        }
    }

    @Test
    void hasATestsuitePerExerciseInsideTestsuites() throws Exception {
        Document doc = render(SampleReports.graded(), false);

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(elements(doc, "testsuite")).extracting(e -> e.getAttribute("name")).containsExactly("spawn-join", "mutex");
        Element mutex = elements(doc, "testsuite").get(1);
        assertThat(mutex.getAttribute("tests")).isEqualTo("5");
        assertThat(mutex.getAttribute("failures")).isEqualTo("2");
        assertThat(mutex.getAttribute("errors")).isEqualTo("1");
        assertThat(mutex.getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void everyTestcaseHasClassnameNameAndTimeInSecondsWithAtMostThreeDecimals() throws Exception {
        List<Element> cases = elements(render(SampleReports.graded(), false), "testcase");

        assertThat(cases).hasSize(7);
        assertThat(cases.get(0).getAttribute("classname")).isEqualTo("spawn-join.WorkersTest");
        assertThat(cases.get(0).getAttribute("name")).isEqualTo("checks WorkersTest#a");
        assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("time")).isEqualTo("1.234").matches("[0-9]+(\\.[0-9]{1,3})?"));
    }

    @Test
    void failuresErrorsAndSkippedCarryAMessageAndText() throws Exception {
        Document doc = render(SampleReports.graded(), false);

        for (String tag : List.of("failure", "error", "skipped")) {
            assertThat(elements(doc, tag)).as(tag).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getAttribute("message")).isNotBlank();
                assertThat(e.getTextContent()).isNotBlank();
            });
        }
        assertThat(elements(doc, "failure").get(0).getAttribute("message")).isEqualTo("expected 1 but was 2");
        assertThat(elements(doc, "failure")).extracting(e -> e.getAttribute("type")).containsExactly("failed", "timed-out");
    }

    @Test
    void testsThatNeverRanBecauseNothingCompiledAreErrorsNotSkipped() throws Exception {
        Document doc = render(SampleReports.compileError(), false);

        assertThat(elements(doc, "skipped")).isEmpty();
        assertThat(elements(doc, "error")).hasSize(2).allSatisfy(e -> assertThat(e.getAttribute("type")).isEqualTo("compile-error"));
        assertThat(elements(doc, "system-out").get(0).getTextContent()).contains("';' expected");
    }

    @Test
    void pointsArePropertiesAndAddUpToTheNativeTotal() throws Exception {
        GradeReport report = SampleReports.graded();
        Document doc = render(report, false);

        List<String> names = elements(doc, "property").stream().map(p -> p.getAttribute("name")).toList();
        assertThat(names).contains("score", "max_score", "points.MutexTest#t1", "max_points.MutexTest#t1");
        assertThat(FormatChecks.junitTotal(bytes(report, false))).isEqualTo(report.score());
    }

    @Test
    void charactersXmlCannotHoldAreStrippedFromLearnerOutput() throws Exception {
        byte[] xml = bytes(SampleReports.hostile(), true);
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);

        FormatChecks.junitTotal(xml);
        for (String bad : List.of("\u0000", "\u0001", "\u001B", "\uFFFE", "\r")) {
            assertThat(text.contains(bad)).as("U+%04X is stripped", (int) bad.charAt(0)).isFalse();
        }
        assertThat(text.contains("\uDBFF\uDFFF") && text.contains("\uFFFD lone")).as("pairs kept, lone surrogates replaced").isTrue();
    }

    @Test
    void theLearnersOutputIsSystemOutOnlyWhenAllowed() throws Exception {
        assertThat(elements(render(SampleReports.graded(), false), "system-out"))
                .noneMatch(e -> e.getParentNode().getNodeName().equals("testcase"));
        assertThat(elements(render(SampleReports.graded(), true), "system-out"))
                .filteredOn(e -> e.getParentNode().getNodeName().equals("testcase")).extracting(Element::getTextContent)
                .contains("printed FAILED", "hello");
    }
}

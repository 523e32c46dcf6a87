package lockstep.engine.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * JUnit XML as CI servers read it (Jenkins' JUnit and xUnit plugins, GitLab, GitHub test reporters),
 * valid against the Jenkins xUnit plugin's {@code junit-10.xsd}: {@code testsuites} holding a
 * {@code testsuite} per exercise, a {@code testcase} per test ({@code classname}
 * {@code <exercise>.<TestClass>}, {@code name}, {@code time} in seconds with three decimals), and for
 * a test that did not pass a {@code failure} (failed, timed out), {@code error} (errored, or not run
 * because the exercise did not compile, was rejected or is missing) or {@code skipped} (not run in an
 * exercise that ran), each with a message and text. The points are the suite's {@code properties}:
 * {@code score} and {@code max_score}, and {@code points.<test id>} and {@code max_points.<test id>}
 * per test, since that schema allows properties on suites only. A report of a submission not graded
 * is one suite {@code lockstep} with one {@code error} saying why.
 *
 * <p>Written with the JDK's {@link XMLStreamWriter}; characters XML 1.0 cannot hold are dropped from
 * every text first. The learner's printed output goes to {@code system-out} only with
 * {@link ReportOptions#learnerOutput(String)}. CI logs and test pages are often the learner's to read (a
 * GitHub Actions run of their own repository), so a hidden test is shown as {@link HiddenTests}
 * shows it, unless {@link ReportOptions#showHidden()}.
 */
final class JunitXmlFormat extends NamedFormat {
    private static final int CAP = 16_000;

    JunitXmlFormat(ReportOptions options) {
        super("junit", "junit.xml", options);
    }

    @Override
    public byte[] render(GradeReport full) throws IOException {
        GradeReport report = options.seen(full);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "lockstep");
            xml.writeAttribute("tests", Integer.toString(count(report, null) + (report.failure() != null ? 1 : 0)));
            xml.writeAttribute("failures", Integer.toString(count(report, Kind.FAILURE)));
            xml.writeAttribute("errors", Integer.toString(count(report, Kind.ERROR) + (report.failure() != null ? 1 : 0)));
            xml.writeAttribute("time", seconds(report.durationMs()));
            xml.writeCharacters("\n");
            if (report.failure() != null) {
                notGraded(xml, report);
            }
            for (ExerciseResult exercise : report.exercises()) {
                suite(xml, report, exercise);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private enum Kind { FAILURE, ERROR, SKIPPED }

    /** How a test that did not pass shows in JUnit XML; null for a pass. */
    private static Kind kind(ExerciseResult exercise, TestResult test) {
        return switch (test.status()) {
            case PASSED -> null;
            case FAILED, TIMED_OUT -> Kind.FAILURE;
            case ERRORED -> Kind.ERROR;
            case NOT_RUN -> Texts.ran(exercise) ? Kind.SKIPPED : Kind.ERROR;
        };
    }

    private static int count(GradeReport report, Kind kind) {
        return (int) report.exercises().stream().flatMap(e -> e.tests().stream().filter(t -> kind == null || kind(e, t) == kind)).count();
    }

    private static int count(ExerciseResult exercise, Kind kind) {
        return (int) exercise.tests().stream().filter(t -> kind(exercise, t) == kind).count();
    }

    private void suite(XMLStreamWriter xml, GradeReport report, ExerciseResult exercise) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", exercise.id());
        xml.writeAttribute("tests", Integer.toString(exercise.tests().size()));
        xml.writeAttribute("failures", Integer.toString(count(exercise, Kind.FAILURE)));
        xml.writeAttribute("errors", Integer.toString(count(exercise, Kind.ERROR)));
        xml.writeAttribute("skipped", Integer.toString(count(exercise, Kind.SKIPPED)));
        xml.writeAttribute("time", seconds(exercise.timing().totalMs()));
        xml.writeAttribute("timestamp", report.startedAt().toString());
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "title", exercise.title());
        property(xml, "status", exercise.status().json());
        property(xml, "score", Texts.plain(exercise.score()));
        property(xml, "max_score", Texts.plain(exercise.maxScore()));
        for (TestResult test : exercise.tests()) {
            property(xml, "points." + test.id(), Texts.plain(test.points()));
            property(xml, "max_points." + test.id(), Texts.plain(test.maxPoints()));
        }
        xml.writeEndElement();
        for (TestResult test : exercise.tests()) {
            testcase(xml, exercise, test);
        }
        if (exercise.message() != null) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(Texts.cap(exercise.message(), CAP));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private void testcase(XMLStreamWriter xml, ExerciseResult exercise, TestResult test) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", exercise.id() + "." + test.id().substring(0, Math.max(0, test.id().indexOf('#'))));
        xml.writeAttribute("name", Texts.clean(test.name()));
        xml.writeAttribute("time", seconds(test.durationMs()));
        Kind kind = kind(exercise, test);
        if (kind != null) {
            xml.writeStartElement(kind.name().toLowerCase(Locale.ROOT));
            xml.writeAttribute("type", test.status() == TestStatus.NOT_RUN && kind == Kind.ERROR
                    ? exercise.status().json() : test.status().json());
            String message = test.message() != null ? test.message() : Texts.statusWords(test.status());
            xml.writeAttribute("message", Texts.cap(message.lines().findFirst().orElse(""), 500));
            xml.writeCharacters(Texts.feedback(test, false, CAP));
            xml.writeEndElement();
        }
        if (options.learnerOutput(exercise.id()) && !test.output().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(Texts.cap(test.output(), CAP));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void notGraded(XMLStreamWriter xml, GradeReport report) throws XMLStreamException {
        String kind = report.failure().kind().json();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "lockstep");
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", "1");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(report.durationMs()));
        xml.writeAttribute("timestamp", report.startedAt().toString());
        xml.writeStartElement("properties");
        property(xml, "status", kind);
        property(xml, "score", "0");
        property(xml, "max_score", Texts.plain(report.maxScore()));
        xml.writeEndElement();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "lockstep");
        xml.writeAttribute("name", "grading");
        xml.writeAttribute("time", seconds(report.durationMs()));
        xml.writeStartElement("error");
        xml.writeAttribute("type", kind);
        String message = Texts.cap(report.failure().message(), CAP);
        xml.writeAttribute("message", Texts.cap(message.lines().findFirst().orElse(kind), 500));
        xml.writeCharacters(message);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", Texts.clean(name));
        xml.writeAttribute("value", Texts.clean(value));
    }

    /** Milliseconds as seconds with three decimals, as {@code time} takes them. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, millis) / 1000.0);
    }
}

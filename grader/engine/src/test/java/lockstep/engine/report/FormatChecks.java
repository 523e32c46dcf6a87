package lockstep.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads every format back the way its platform would, independently of the code that writes it:
 * checks that the file is valid for its reader and returns the total it carries, in points.
 */
public final class FormatChecks {
    /** Strict JSON: no NaN, no comments, no trailing tokens, no duplicate keys. */
    static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private FormatChecks() {}

    /**
     * Checks {@code bytes}, written in format {@code name}, and returns the total it carries in points
     * ({@code maxScore} turns PrairieLearn's fraction back into points).
     */
    public static double validTotal(String name, byte[] bytes, double maxScore) throws Exception {
        assertThat(bytes).as(name + " is not empty").isNotEmpty();
        return switch (name) {
            case "json" -> nativeTotal(bytes);
            case "text" -> textTotal(bytes);
            case "gradescope" -> json(bytes).get("score").asDouble();
            case "prairielearn" -> prairieLearnFraction(bytes) * maxScore;
            case "classroom" -> classroomTotal(bytes);
            case "junit" -> junitTotal(bytes);
            case "vpl" -> vplGrade(bytes);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** {@code report} in the JSON format {@code name}, read back strictly. */
    static JsonNode tree(String name, lockstep.engine.result.GradeReport report, boolean learnerOutput) throws IOException {
        return tree(name, report, new ReportOptions(learnerOutput));
    }

    static JsonNode tree(String name, lockstep.engine.result.GradeReport report, ReportOptions options) throws IOException {
        return json(ReportFormats.find(name, options).orElseThrow().render(report));
    }

    static JsonNode json(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.contains("NaN") || text.contains("Infinity")).as("no NaN or Infinity").isFalse();
        try (JsonParser parser = STRICT.createParser(bytes)) {
            return STRICT.readTree(parser);
        }
    }

    static double nativeTotal(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonReport.schema())
                .validate(text, InputFormat.JSON)).isEmpty();
        return json(bytes).get("score").asDouble();
    }

    static double textTotal(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.contains("\r") || text.contains("\u001B")).as("no CR or ESC in the text").isFalse();
        Matcher total = Pattern.compile("(?m)^Total: ([0-9.]+)/([0-9.]+)$").matcher(text);
        assertThat(total.find()).as("a Total line").isTrue();
        return Double.parseDouble(total.group(1));
    }

    static double prairieLearnFraction(byte[] bytes) throws IOException {
        assertThat(bytes.length).as("PrairieLearn's limit").isLessThan(1 << 20);
        JsonNode root = json(bytes);
        assertThat(root.get("gradable").isBoolean()).isTrue();
        assertThat(root.get("succeeded").isBoolean()).isTrue();
        assertThat(root.get("score").isNumber()).isTrue();
        assertThat(root.get("score").asDouble()).isBetween(0.0, 1.0);
        assertNoNulls(root);
        for (JsonNode test : root.get("tests")) {
            assertThat(test.has("points") && test.has("max_points")).as("both point fields: %s", test.get("name")).isTrue();
            assertThat(test.get("points").isNumber() && test.get("max_points").isNumber()).isTrue();
        }
        return root.get("score").asDouble();
    }

    static void assertNoNulls(JsonNode node) {
        assertThat(node.isNull()).as("no null in the file").isFalse();
        node.forEach(FormatChecks::assertNoNulls);
    }

    /** The sum of {@code field} over the objects of {@code array}, each checked to be a JSON number. */
    static double sum(JsonNode array, String field) {
        double sum = 0;
        for (JsonNode item : array) {
            assertThat(item.get(field).isNumber()).as("%s is a number, not a string", field).isTrue();
            sum += item.get(field).asDouble();
        }
        return sum;
    }

    static double classroomTotal(byte[] bytes) throws IOException {
        assertThat(bytes.length).as("small enough for one environment variable").isLessThan(ClassroomFormat.LIMIT);
        JsonNode root = json(bytes);
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("status").asText()).isIn("pass", "fail", "error");
        assertThat(root.get("max_score").isNumber()).isTrue();
        return sum(root.get("tests"), "score");
    }

    /** The JUnit XML, validated against the Jenkins JUnit schema, and the sum of its suites' {@code score} properties. */
    static double junitTotal(byte[] bytes) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = FormatChecks.class.getResourceAsStream("junit-jenkins.xsd")) {
            factory.newSchema(new StreamSource(xsd)).newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
        }
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        double sum = 0;
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            NodeList properties = ((Element) suites.item(i)).getElementsByTagName("property");
            for (int p = 0; p < properties.getLength(); p++) {
                Element property = (Element) properties.item(p);
                if (property.getAttribute("name").equals("score")) {
                    sum += Double.parseDouble(property.getAttribute("value"));
                }
            }
        }
        return sum;
    }

    /** What VPL would read: the last {@code Grade :=>>} line, after checking blocks the way VPL parses them. */
    static double vplGrade(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(!text.contains("\r") && text.endsWith("\n")).as("LF line ends only, the last line ended").isTrue();
        List<String> grades = new ArrayList<>();
        boolean inComment = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("Grade :=>>")) {
                grades.add(line.substring("Grade :=>>".length()).strip());
            }
            assertThat(line).as("no line comment").doesNotStartWith("Comment :=>>");
            if (inComment) {
                inComment = !line.strip().equals("--|>");
            } else if (line.strip().equals("<|--")) {
                inComment = true;
            } else {
                assertThat(line.isEmpty() || line.startsWith("Grade :=>>")).as("outside blocks only the grade: '%s'", line).isTrue();
            }
        }
        assertThat(inComment).as("every block closed").isFalse();
        assertThat(grades).as("one grade line").hasSize(1);
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).as("the grade line is last").startsWith("Grade :=>> ");
        assertThat(grades.get(0)).as("a plain decimal").matches("[0-9]+(\\.[0-9]+)?");
        return Double.parseDouble(grades.get(0));
    }
}

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the runs that {@code grader/flaky} left (run-N/outcome and run-N/reports/*.xml, the
 * Surefire and Failsafe reports) and prints, as Markdown, each run's exit status and time, then
 * every test that failed or errored in at least one run with how often.
 *
 * <p>Run as a single-file program: {@code java grader/FlakyTable.java DIR}.
 */
public final class FlakyTable {

    /** How one test fared over the runs, with the message of its first failure. */
    record Tally(int ran, int failed, String firstMessage) {
        Tally add(boolean fail, String message) {
            String first = firstMessage == null && fail ? message : firstMessage;
            return new Tally(ran + 1, failed + (fail ? 1 : 0), first);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java FlakyTable.java DIR (the --out folder of grader/flaky)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> runs;
        try (Stream<Path> listed = Files.list(dir)) {
            runs = listed.filter(p -> p.getFileName().toString().matches("run-\\d+") && Files.exists(p.resolve("outcome")))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        }
        Map<String, Tally> tallies = new TreeMap<>();
        System.out.println("| run | exit | seconds | busy cores | tests run | failed |");
        System.out.println("|---|---|---|---|---|---|");
        int passedRuns = 0;
        for (Path run : runs) {
            String[] outcome = Files.readString(run.resolve("outcome")).trim().split(" ");
            int ran = 0;
            int failed = 0;
            for (Path report : reports(run.resolve("reports"))) {
                NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                        .getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testcase = (Element) cases.item(i);
                    if (testcase.getElementsByTagName("skipped").getLength() > 0) {
                        continue;
                    }
                    Element problem = first(testcase, "failure", "error");
                    String name = testcase.getAttribute("classname").replaceAll(".*\\.", "") + "#" + testcase.getAttribute("name");
                    String message = problem == null ? null : firstLine(problem.getAttribute("message"));
                    tallies.compute(name, (key, old) -> (old == null ? new Tally(0, 0, null) : old).add(problem != null, message));
                    ran++;
                    failed += problem == null ? 0 : 1;
                }
            }
            if (outcome[0].equals("0")) {
                passedRuns++;
            }
            System.out.printf("| %d | %s | %s | %s | %d | %d |%n", number(run), outcome[0], outcome[1], outcome[2], ran, failed);
        }
        System.out.println();
        System.out.printf("%d of %d runs passed; %d tests seen.%n%n", passedRuns, runs.size(), tallies.size());
        List<Map.Entry<String, Tally>> flaky = tallies.entrySet().stream().filter(e -> e.getValue().failed() > 0)
                .sorted((a, b) -> Integer.compare(b.getValue().failed(), a.getValue().failed())).toList();
        if (flaky.isEmpty()) {
            System.out.println("No test failed in any run.");
            return;
        }
        System.out.println("| test | failed | of runs | first message |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, Tally> e : flaky) {
            Tally t = e.getValue();
            String message = t.firstMessage() == null ? "" : t.firstMessage().replace("|", "\\|");
            System.out.printf("| %s | %d | %d | %s |%n", e.getKey(), t.failed(), t.ran(), message);
        }
    }

    private static List<Path> reports(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static Element first(Element testcase, String... tags) {
        for (String tag : tags) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static int number(Path run) {
        return Integer.parseInt(run.getFileName().toString().substring("run-".length()));
    }
}

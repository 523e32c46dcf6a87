import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads what {@code grader/pit} left (PIT's mutations.xml per exercise) and prints, as Markdown, each
 * exercise's mutation score, then every mutant the suite let live, marked explained when the
 * exercise's {@code equivalent-mutants.md} gives the reason. Exits 1 when a survivor is unexplained.
 *
 * <p>Run as a single-file program: {@code java grader/PitTable.java REPO ID=PACKAGE...}.
 */
public final class PitTable {
    /** A row of equivalent-mutants.md: | `Class.method` | PIT's description | why | */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([\\w$]+\\.[\\w$<>]+)`\\s*\\|\\s*(.+?)\\s*\\|\\s*(.+?)\\s*\\|\\s*$");

    record Mutant(String status, String where, int line, String description) {
        String key() {
            return where + ": " + description;
        }
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        List<String> rows = new ArrayList<>();
        List<String> survivors = new ArrayList<>();
        int unexplained = 0;
        rows.add("| exercise | mutants | killed | timed out | survived | no coverage | score |");
        rows.add("|---|---|---|---|---|---|---|");
        for (int i = 1; i < args.length; i++) {
            String id = args[i].substring(0, args[i].indexOf('='));
            String pkg = args[i].substring(args[i].indexOf('=') + 1);
            Path xml = repo.resolve("grader/mutation/target/pit-reports").resolve(pkg).resolve("mutations.xml");
            if (!Files.exists(xml)) {
                rows.add("| " + id + " | no report (" + xml + ") | | | | | |");
                unexplained++;
                continue;
            }
            List<Mutant> mutants = read(xml);
            Map<String, Integer> by = new TreeMap<>();
            mutants.forEach(m -> by.merge(m.status(), 1, Integer::sum));
            int detected = mutants.size() - by.getOrDefault("SURVIVED", 0) - by.getOrDefault("NO_COVERAGE", 0);
            rows.add("| " + id + " | " + mutants.size() + " | " + by.getOrDefault("KILLED", 0) + " | "
                    + by.getOrDefault("TIMED_OUT", 0) + " | " + by.getOrDefault("SURVIVED", 0) + " | "
                    + by.getOrDefault("NO_COVERAGE", 0) + " | "
                    + (mutants.isEmpty() ? "-" : Math.round(100.0 * detected / mutants.size()) + " %") + " |");
            Map<String, String> reasons = reasons(repo.resolve("exercises").resolve(id).resolve("equivalent-mutants.md"));
            for (Mutant m : mutants) {
                if (m.status().equals("SURVIVED") || m.status().equals("NO_COVERAGE")) {
                    String reason = reasons.get(m.key());
                    if (reason == null) {
                        unexplained++;
                    }
                    survivors.add("- " + id + ": `" + m.where() + "` line " + m.line() + ", " + m.description() + " ("
                            + m.status().toLowerCase() + "): " + (reason == null ? "**UNEXPLAINED**" : reason));
                }
            }
        }
        rows.forEach(System.out::println);
        System.out.println();
        if (survivors.isEmpty()) {
            System.out.println("No mutant survived.");
        } else {
            System.out.println("Mutants the suites let live:");
            survivors.forEach(System.out::println);
        }
        System.out.println();
        System.out.println(unexplained == 0 ? "Every survivor is explained." : unexplained + " survivor(s) or report(s) unexplained.");
        System.exit(unexplained == 0 ? 0 : 1);
    }

    private static List<Mutant> read(Path xml) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("mutation");
        List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String type = text(e, "mutatedClass");
            String simple = type.substring(type.lastIndexOf('.') + 1);
            mutants.add(new Mutant(e.getAttribute("status"), simple + "." + text(e, "mutatedMethod"),
                    Integer.parseInt(text(e, "lineNumber")), text(e, "description")));
        }
        return mutants;
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }

    /** The reasons of equivalent-mutants.md, by "Class.method: description"; none when the file is missing. */
    private static Map<String, String> reasons(Path file) throws IOException {
        Map<String, String> reasons = new TreeMap<>();
        if (!Files.exists(file)) {
            return reasons;
        }
        for (String line : Files.readAllLines(file)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                reasons.put(m.group(1) + ": " + m.group(2), m.group(3));
            }
        }
        return reasons;
    }
}

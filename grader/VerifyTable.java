import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adds up the tables of several {@code ./grade verify --json FILE} runs of the same commit, for a long
 * series run in chunks (e.g. 20 runs as four chunks of {@code --repeat 5 --load}, so that a chunk's
 * table survives an interruption): per subject, the runs and the runs that earned what the subject
 * must, whether a chunk saw a verdict differ between its runs, and per kind the subjects that were ok
 * in every run. Exit status 1 when a subject missed or was flaky in any chunk.
 *
 * <pre>java -cp 'grader/cli/target/dist/lib/*' grader/VerifyTable.java chunk-1.json chunk-2.json ...</pre>
 *
 * A chunk proves that its runs gave every test the same verdict; across chunks, a run that earned
 * what it must gives the same lost tests and the same points (the mutant's mustFail, or none).
 */
public final class VerifyTable {

    private record Sum(int runs, int passed, int flakyChunks, List<String> explanations) {}

    private VerifyTable() {}

    public static void main(String[] args) throws IOException {
        Map<String, Sum> subjects = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : args) {
            for (JsonNode row : json.readTree(Files.readString(Path.of(file)))) {
                String subject = row.get("subject").asText();
                Sum before = subjects.getOrDefault(subject, new Sum(0, 0, 0, List.of()));
                List<String> explanations = new ArrayList<>(before.explanations());
                if (!row.get("explanation").asText().isEmpty()) {
                    explanations.add(file + ": " + row.get("explanation").asText().replace("\n", " / "));
                }
                subjects.put(subject, new Sum(before.runs() + row.get("runs").asInt(), before.passed() + row.get("passedRuns").asInt(),
                        before.flakyChunks() + (row.get("flaky").asBoolean() ? 1 : 0), explanations));
            }
        }
        Map<String, int[]> kinds = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        int runs = subjects.values().stream().mapToInt(Sum::runs).max().orElse(0);
        for (Map.Entry<String, Sum> e : subjects.entrySet()) {
            String[] parts = e.getKey().split("/");
            int[] k = kinds.computeIfAbsent(parts[1], x -> new int[2]);
            k[0]++;
            Sum s = e.getValue();
            boolean ok = s.passed() == s.runs() && s.flakyChunks() == 0 && s.runs() == runs;
            if (ok) {
                k[1]++;
            } else {
                bad.add(e.getKey() + ": " + s.passed() + " of " + s.runs() + " runs earned what it must, flaky in "
                        + s.flakyChunks() + " chunk(s); " + String.join("; ", s.explanations()));
            }
        }
        System.out.printf("| kind | subjects | ok in all %d runs |%n|---|---|---|%n", runs);
        kinds.forEach((kind, k) -> System.out.printf("| %s | %d | %d |%n", kind, k[0], k[1]));
        System.out.printf("%n%d subjects from %d tables; %d ok in every run.%n", subjects.size(), args.length,
                subjects.size() - bad.size());
        bad.forEach(b -> System.out.println("- " + b));
        System.exit(bad.isEmpty() ? 0 : 1);
    }
}

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.verify.CourseTree;
import lockstep.verify.Subject;

/**
 * The class check of grader/class-check (issue 10): generates a class of submissions in every layout
 * an instructor downloads, and checks a batch's results against the verdict each submission gets when
 * graded alone, which ./grade verify proves for every subject (solution, template, mutant, variant)
 * and the hostile corpus's case.json states for its cases, and each layout's gradebook.csv against
 * those results (Canvas's columns, plain decimals, a total percentage of at most 100, no formulas).
 *
 * <pre>
 *   java -cp 'grader/cli/target/dist/lib/*' grader/ClassCheck.java gen REPO CLASS STUDENTS SEED
 *   java -cp 'grader/cli/target/dist/lib/*' grader/ClassCheck.java check REPO CLASS RESULTS
 *   java -cp 'grader/cli/target/dist/lib/*' grader/ClassCheck.java same A B
 *   java -cp 'grader/cli/target/dist/lib/*' grader/ClassCheck.java ledger json|surefire ID TIMEFILE FROM
 *   java -cp 'grader/cli/target/dist/lib/*' grader/ClassCheck.java verdicts CLASS LEDGERS
 * </pre>
 * gen writes CLASS/&lt;layout&gt;/ (one batch's SUBMISSIONS each) and CLASS/expected.json; check reads
 * RESULTS/&lt;layout&gt;/students/&lt;id&gt;/results.json; same compares two batch outputs file by file, apart from
 * timestamps and durations; ledger and verdicts are grader/bench-batch's per-submission records and
 * their comparison. Each exits 1 on a difference.
 */
public final class ClassCheck {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> LAYOUTS = List.of("folders", "gradescope", "github-classroom", "moodle", "canvas");
    /** Hostile cases cheap enough for a class (no generator, no long output); each attacks one exercise. */
    private static final List<String> HOSTILE = List.of("exit-silent", "halt", "sets-the-slack-property",
            "swallowed-interrupt", "close-system-out", "fake-passing-output-stdout", "shutdown-hook-fake-results",
            "exit-in-static-initializer");

    private ClassCheck() {}

    public static void main(String[] args) throws Exception {
        int status = switch (args[0]) {
            case "gen" -> gen(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    args.length > 5 && args[5].equals("bench"));
            case "check" -> check(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "same" -> same(Path.of(args[1]), Path.of(args[2]));
            case "ledger" -> ledger(args[1], args[2], Path.of(args[3]), Path.of(args[4]));
            case "verdicts" -> verdicts(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("gen, check, same, ledger or verdicts, not " + args[0]);
        };
        System.exit(status);
    }

    // ---------------------------------------------------------------- gen

    /** One student of the class: where it is, and what each exercise's code is. */
    record Planned(String layout, String id, String kind, Map<String, String> subjects, String hostile) {}

    /**
     * @param bench for grader/bench-batch: one folder per student with honest code or a classic mistake in
     *     each exercise (no hostile code, which a naive Maven run would not survive), all in the folders layout
     */
    private static int gen(Path repo, Path out, int students, long seed, boolean bench) throws IOException {
        Catalog catalog = Catalog.load();
        CourseTree course = new CourseTree(repo, catalog);
        List<String> exercises = catalog.exercises().stream().map(Exercise::id).toList();
        Map<String, List<Subject>> subjects = new LinkedHashMap<>();
        for (String e : exercises) {
            List<Subject> all = new ArrayList<>();
            all.add(new Subject.Solution(e));
            all.add(new Subject.Template(e));
            all.addAll(course.mutants(List.of(e)));
            all.addAll(course.variants(List.of(e)));
            subjects.put(e, all);
        }
        Random random = new Random(seed);
        List<Planned> plan = new ArrayList<>();
        Path scratch = Files.createDirectories(out.resolve(".scratch"));
        int turn = 0;
        for (int i = 0; i < students; i++) {
            String layout = bench ? "folders" : LAYOUTS.get(i % LAYOUTS.size());
            // Moodle and Canvas number their participants; the other layouts take any id.
            String id = switch (layout) {
                case "moodle" -> String.valueOf(100_000 + i);
                case "canvas" -> String.valueOf(200_000 + i);
                default -> "s" + String.format("%03d", i);
            };
            Path submission = scratch.resolve(id);
            Planned planned = null;
            if (bench) {
                // honest code or a classic mistake only
            } else if (i % 40 == 5 && layout.equals("folders")) {
                planned = new Planned(layout, id, "broken-zip", Map.of(), null);
            } else if (i % 40 == 12 && layout.equals("github-classroom")) {
                planned = new Planned(layout, id, "empty", Map.of(), null);
            } else if (i % 9 == 4) {
                String name = HOSTILE.get((i / 9) % HOSTILE.size());
                hostileSubmission(repo, name, submission);
                planned = new Planned(layout, id, "hostile", Map.of(), name);
            }
            if (planned == null) {
                // Every other such student takes the next subject of each exercise in turn, so that every subject
                // appears once there are more of them than the longest list; the others draw at random.
                List<Subject> chosen = new ArrayList<>();
                Map<String, String> labels = new TreeMap<>();
                boolean inTurn = turn++ % 2 == 0;
                for (String e : exercises) {
                    List<Subject> list = subjects.get(e);
                    Subject s = inTurn ? list.get((turn / 2) % list.size()) : pick(list, random);
                    chosen.add(s);
                    labels.put(e, s.label());
                }
                course.submission(chosen, Files.createDirectories(submission));
                planned = new Planned(layout, id, "subjects", labels, null);
            }
            if (bench) {
                CourseTree.copyTree(submission, out.resolve(layout).resolve(id));
            } else {
                place(planned, submission, out.resolve(layout), i);
            }
            plan.add(planned);
        }
        if (!bench) {
            writeGradescopeMetadata(out.resolve("gradescope"), plan);
            writeRosters(out, plan);
        }
        JSON.writeValue(out.resolve("expected.json").toFile(), plan);
        System.out.printf("%d students in %d layout(s) written to %s%n", plan.size(), bench ? 1 : LAYOUTS.size(), out);
        return 0;
    }

    /** Half solutions, then templates, mutants and variants. */
    private static Subject pick(List<Subject> list, Random random) {
        return random.nextInt(100) < 45 ? list.get(0) : list.get(1 + random.nextInt(list.size() - 1));
    }

    private static void hostileSubmission(Path repo, String name, Path into) throws IOException {
        Path dir = repo.resolve("grader/cli/src/test/resources/hostile").resolve(name);
        CourseTree.copyTree(repo.resolve("solutions/ch10"), into.resolve("ch10"));
        Path patch = dir.resolve("patch.diff");
        if (Files.isRegularFile(patch)) {
            CourseTree.applyDiff(patch, into);
        }
        Path files = dir.resolve("files");
        if (Files.isDirectory(files)) {
            CourseTree.copyTree(files, into);
        }
    }

    /** Puts a student's submission where its layout keeps it. */
    private static void place(Planned p, Path submission, Path root, int i) throws IOException {
        Files.createDirectories(root);
        switch (p.layout()) {
            case "folders" -> {
                if (p.kind().equals("broken-zip")) {
                    Files.write(root.resolve(p.id() + ".zip"), "PK\3\4 this is not a zip".getBytes(StandardCharsets.US_ASCII));
                } else if (i % 3 == 0) {
                    zip(submission, root.resolve(p.id() + ".zip"), "");
                } else {
                    CourseTree.copyTree(submission, root.resolve(p.id()).resolve("src"));
                }
            }
            case "gradescope" -> CourseTree.copyTree(submission, root.resolve("submission_" + (1000 + i)));
            case "github-classroom" -> {
                Path clone = Files.createDirectories(root.resolve("ch10-concurrency-" + p.id()));
                Files.createDirectories(clone.resolve(".git"));
                Files.writeString(clone.resolve(".git/HEAD"), "ref: refs/heads/main\n");
                if (!p.kind().equals("empty")) {
                    CourseTree.copyTree(submission, clone);
                }
            }
            case "moodle" -> CourseTree.copyTree(submission,
                    root.resolve("Student " + i + "_" + p.id() + "_assignsubmission_file_"));
            case "canvas" -> zip(submission, root.resolve("student" + i + "_" + p.id() + "_" + (5000 + i) + "_work.zip"), "");
            default -> throw new IllegalArgumentException(p.layout());
        }
    }

    /**
     * A roster per layout (roster-LAYOUT.csv, beside the downloads): every student with a name, an e-mail,
     * SIS ids and a section, and one more who handed nothing in, who must get a row of zeros.
     */
    private static void writeRosters(Path out, List<Planned> plan) throws IOException {
        for (String layout : LAYOUTS) {
            StringBuilder csv = new StringBuilder("id,name,email,sis user id,sis login id,section\n");
            plan.stream().filter(p -> p.layout().equals(layout)).forEach(p -> csv.append(rosterLine(p.id())));
            csv.append(rosterLine(absent(layout)));
            Files.writeString(out.resolve("roster-" + layout + ".csv"), csv);
        }
    }

    private static String rosterLine(String id) {
        return id + ",Student " + id.toUpperCase() + "," + id + "@example.edu,SIS-" + id + ",login-" + id + ",Section A\n";
    }

    /** The id of the roster's student who handed nothing in, in the form the layout's ids take. */
    static String absent(String layout) {
        return switch (layout) {
            case "moodle" -> "199999";
            case "canvas" -> "299999";
            default -> "absent";
        };
    }

    private static void writeGradescopeMetadata(Path root, List<Planned> plan) throws IOException {
        StringBuilder yml = new StringBuilder();
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            if (p.layout().equals("gradescope")) {
                yml.append("submission_").append(1000 + i).append(":\n  :submitters:\n  - :name: Student ")
                        .append(p.id().toUpperCase()).append("\n    :sid: '").append(p.id()).append("'\n    :email: ")
                        .append(p.id()).append("@example.edu\n  :status: processed\n");
            }
        }
        Files.writeString(Files.createDirectories(root).resolve("submission_metadata.yml"), yml);
    }

    private static void zip(Path folder, Path zip, String prefix) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(prefix + folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    // ---------------------------------------------------------------- check

    private static int check(Path repo, Path classDir, Path results) throws IOException {
        CourseTree course = new CourseTree(repo, Catalog.load());
        Map<String, Subject> byLabel = new LinkedHashMap<>();
        for (Exercise e : Catalog.load().exercises()) {
            byLabel.put(e.id() + "/solution", new Subject.Solution(e.id()));
            byLabel.put(e.id() + "/template", new Subject.Template(e.id()));
        }
        course.mutants(List.of()).forEach(m -> byLabel.put(m.label(), m));
        course.variants(List.of()).forEach(v -> byLabel.put(v.label(), v));
        Planned[] plan = JSON.readValue(classDir.resolve("expected.json").toFile(), Planned[].class);
        Map<String, int[]> perLayout = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Planned p : plan) {
            int[] counts = perLayout.computeIfAbsent(p.layout() + " / " + p.kind(), k -> new int[2]);
            counts[0]++;
            Path file = results.resolve(p.layout()).resolve("students").resolve(p.id()).resolve("results.json");
            List<String> problems = new ArrayList<>();
            if (!p.kind().equals("subjects") && !p.kind().equals("hostile")) {
                problems.addAll(nothingProblems(results.resolve(p.layout()), p.id(), file));
            } else if (!Files.isRegularFile(file)) {
                problems.add("no results.json at " + file);
            } else {
                GradeReport report = JsonReport.read(file);
                problems.addAll(switch (p.kind()) {
                    case "subjects" -> subjectProblems(p, report, byLabel);
                    default -> hostileProblems(repo, p, report);
                });
            }
            if (problems.isEmpty()) {
                counts[1]++;
            } else {
                problems.forEach(problem -> misses.add(p.layout() + " " + p.id() + ": " + problem));
            }
        }
        for (String layout : LAYOUTS) {
            List<Planned> here = java.util.Arrays.stream(plan).filter(p -> p.layout().equals(layout)).toList();
            if (!here.isEmpty()) {
                gradebookProblems(results.resolve(layout), here).forEach(problem -> misses.add(layout + " gradebook.csv: " + problem));
            }
        }
        System.out.printf("%-32s %8s %8s%n", "layout / kind", "students", "as alone");
        perLayout.forEach((k, c) -> System.out.printf("%-32s %8d %8d%n", k, c[0], c[1]));
        int total = perLayout.values().stream().mapToInt(c -> c[0]).sum();
        int ok = perLayout.values().stream().mapToInt(c -> c[1]).sum();
        System.out.printf("%n%d of %d students got exactly the verdicts they get when graded alone; the gradebooks have %d"
                + " problems.%n", ok, total, misses.stream().filter(m -> m.contains(" gradebook.csv: ")).count());
        misses.forEach(m -> System.out.println("  MISS " + m));
        return misses.isEmpty() ? 0 : 1;
    }

    /**
     * The gradebook of one batch against its students' results: Canvas's first five columns, then one
     * column per exercise and the total as a percentage; a row per student; plain decimals equal to the
     * results, a total of at most 100 equal to score / max, and no cell a spreadsheet would run as a formula.
     */
    private static List<String> gradebookProblems(Path batchOut, List<Planned> students) throws IOException {
        List<String> problems = new ArrayList<>();
        List<org.apache.commons.csv.CSVRecord> rows;
        try (java.io.Reader in = Files.newBufferedReader(batchOut.resolve("gradebook.csv"))) {
            rows = org.apache.commons.csv.CSVFormat.RFC4180.parse(in).getRecords();
        }
        List<String> header = rows.get(0).toList();
        List<String> exercises = Catalog.load().exercises().stream().map(Exercise::id).toList();
        List<String> expected = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        expected.addAll(exercises);
        expected.add("Total (%)");
        if (!header.equals(expected)) {
            problems.add("header " + header + ", not " + expected);
            return problems;
        }
        Map<String, org.apache.commons.csv.CSVRecord> byId = new LinkedHashMap<>();
        for (org.apache.commons.csv.CSVRecord row : rows.subList(1, rows.size())) {
            if (byId.put(row.get(1), row) != null) {
                problems.add("two rows for " + row.get(1));
            }
            for (String cell : row.toList()) {
                if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")) {
                    problems.add("a cell a spreadsheet would run: " + cell);
                }
            }
        }
        String layout = batchOut.getFileName().toString();
        org.apache.commons.csv.CSVRecord absent = byId.get(absent(layout));
        if (absent == null) {
            problems.add("no row for the roster's student who handed nothing in (" + absent(layout) + ")");
        } else if (!absent.toList().subList(5, absent.size()).stream().allMatch(c -> c.matches("0(\\.0+)?"))) {
            problems.add("the student who handed nothing in has " + absent.toList().subList(5, absent.size()));
        }
        for (Planned p : students) {
            org.apache.commons.csv.CSVRecord row = byId.get(p.id());
            if (row == null) {
                problems.add("no row for " + p.id());
                continue;
            }
            if (!row.get(2).equals("SIS-" + p.id()) || !row.get(3).equals("login-" + p.id()) || !row.get(4).equals("Section A")) {
                problems.add(p.id() + ": the roster's SIS ids and section are missing: " + row.toList().subList(0, 5));
            }
            Path file = batchOut.resolve("students").resolve(p.id()).resolve("results.json");
            GradeReport report = Files.isRegularFile(file) ? JsonReport.read(file) : null;
            for (int i = 0; i < exercises.size(); i++) {
                String cell = row.get(5 + i);
                String id = exercises.get(i);
                double score = report == null ? 0 : report.exercises().stream().filter(r -> r.id().equals(id))
                        .mapToDouble(ExerciseResult::score).sum();
                if (!cell.matches("\\d+(\\.\\d+)?") || Math.abs(Double.parseDouble(cell) - score) > 1e-9) {
                    problems.add(p.id() + " " + id + ": cell \"" + cell + "\", results " + score);
                }
            }
            String total = row.get(5 + exercises.size());
            double percent = report == null || report.maxScore() == 0 ? 0 : 100 * report.score() / report.maxScore();
            if (!total.matches("\\d+(\\.\\d+)?") || Double.parseDouble(total) > 100 || Math.abs(Double.parseDouble(total) - percent) > 0.005) {
                problems.add(p.id() + " total: cell \"" + total + "\", results " + percent + " %");
            }
        }
        return problems;
    }

    private static List<String> subjectProblems(Planned p, GradeReport report, Map<String, Subject> byLabel) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : p.subjects().entrySet()) {
            Subject subject = byLabel.get(e.getValue());
            ExerciseResult result = report.exercises().stream().filter(r -> r.id().equals(e.getKey())).findFirst().orElse(null);
            if (subject == null || result == null) {
                problems.add(e.getValue() + ": no " + (subject == null ? "such subject" : "result"));
                continue;
            }
            subject.problems(result).forEach(problem -> problems.add(e.getValue() + ": " + problem));
        }
        return problems;
    }

    /** The attacked exercise as case.json says with the policy on; every other one at full marks. */
    private static List<String> hostileProblems(Path repo, Planned p, GradeReport report) throws IOException {
        JsonNode c = JSON.readTree(repo.resolve("grader/cli/src/test/resources/hostile").resolve(p.hostile()).resolve("case.json").toFile());
        String attacked = c.get("exercise").asText();
        JsonNode on = c.get("policyOn");
        List<String> problems = new ArrayList<>();
        for (ExerciseResult r : report.exercises()) {
            if (r.id().equals(attacked)) {
                if (on.has("status") && !r.status().json().equals(on.get("status").asText())) {
                    problems.add(p.hostile() + ": " + attacked + " status " + r.status().json() + ", not " + on.get("status").asText());
                }
                if (on.has("maxScore") && r.score() > on.get("maxScore").asDouble()) {
                    problems.add(p.hostile() + ": " + attacked + " scored " + r.score() + " > " + on.get("maxScore").asDouble());
                }
                if (on.has("minScore") && r.score() < on.get("minScore").asDouble()) {
                    problems.add(p.hostile() + ": " + attacked + " scored " + r.score() + " < " + on.get("minScore").asDouble());
                }
            } else if (r.score() != r.maxScore() || r.maxScore() <= 0) {
                problems.add(p.hostile() + " attacks " + attacked + " but " + r.id() + " earned " + r.score() + " of " + r.maxScore());
            }
        }
        return problems;
    }

    /**
     * A broken zip or an empty repository: graded as nothing, a score of 0 in the summary, and either
     * results that say so or, for what could not be read at all, the reason in the summary.
     */
    private static List<String> nothingProblems(Path batchOut, String id, Path results) throws IOException {
        JsonNode student = null;
        for (JsonNode s : JSON.readTree(batchOut.resolve("summary.json").toFile()).get("students")) {
            if (s.get("id").asText().equals(id)) {
                student = s;
            }
        }
        if (student == null) {
            return List.of("not in summary.json");
        }
        List<String> problems = new ArrayList<>();
        if (student.get("score").asDouble() != 0) {
            problems.add("scored " + student.get("score").asDouble() + ", not 0");
        }
        if (Files.isRegularFile(results)) {
            if (JsonReport.read(results).score() != 0) {
                problems.add("results.json has a score above 0");
            }
        } else if (student.get("reason").isNull() || student.get("reason").asText().isBlank()) {
            problems.add("no results.json and no reason in summary.json (status " + student.get("status").asText() + ")");
        }
        return problems;
    }

    // ---------------------------------------------------------------- ledgers and verdicts (grader/bench-batch)

    /**
     * Prints one ledger line of grader/bench-batch: ID, then wall and CPU seconds (from a /usr/bin/time
     * file "%e %U %S", or "-"), then the tests that did not pass, comma-separated ("-" for none), read from
     * a results JSON ({@code json}) or a folder of surefire reports ({@code surefire}). A line is all a
     * resumed benchmark keeps of a submission, so the ledgers can be committed and added up later.
     */
    private static int ledger(String kind, String id, Path time, Path from) throws Exception {
        java.util.Set<String> failed = switch (kind) {
            case "json" -> Files.isRegularFile(from) ? notPassed(JsonReport.read(from)) : java.util.Set.of("(no results)");
            case "surefire" -> surefireNotPassed(from);
            default -> throw new IllegalArgumentException("json or surefire, not " + kind);
        };
        String seconds = "-\t-";
        if (Files.isRegularFile(time)) {
            String[] t = Files.readString(time).strip().split("\\s+");
            String[] last = t.length >= 3 ? java.util.Arrays.copyOfRange(t, t.length - 3, t.length) : new String[] {"0", "0", "0"};
            seconds = last[0] + "\t" + String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(last[1]) + Double.parseDouble(last[2]));
        }
        System.out.println(id + "\t" + seconds + "\t" + (failed.isEmpty() ? "-" : String.join(",", failed)));
        return 0;
    }

    /**
     * Compares, per student of CLASS/expected.json, the tests that did not pass in the batch, the sequential
     * loop and the naive Maven run, as their ledgers (DIR/batch.tsv, sequential.tsv, maven.tsv) record them;
     * exit 1 when a ledger lacks a student or the batch and the loop differ. Maven's verdicts are counted,
     * not required: a naive run has no time limits of its own and may lose tests the grader bounds.
     */
    private static int verdicts(Path classDir, Path dir) throws Exception {
        Planned[] plan = JSON.readValue(classDir.resolve("expected.json").toFile(), Planned[].class);
        Map<String, String> batch = ledgerVerdicts(dir.resolve("batch.tsv"));
        Map<String, String> loop = ledgerVerdicts(dir.resolve("sequential.tsv"));
        Map<String, String> maven = ledgerVerdicts(dir.resolve("maven.tsv"));
        int loopSame = 0;
        int mavenSame = 0;
        List<String> differences = new ArrayList<>();
        for (Planned p : plan) {
            String inBatch = batch.get(p.id());
            String inLoop = loop.get(p.id());
            if (inBatch == null || inLoop == null || !maven.containsKey(p.id())) {
                differences.add(p.id() + ": missing from a ledger (batch " + (inBatch != null) + ", sequential " + (inLoop != null)
                        + ", maven " + maven.containsKey(p.id()) + ")");
                continue;
            }
            if (inBatch.equals(inLoop)) {
                loopSame++;
            } else {
                differences.add(p.id() + ": batch " + inBatch + ", sequential loop " + inLoop);
            }
            if (inBatch.equals(maven.get(p.id()))) {
                mavenSame++;
            }
        }
        System.out.printf("verdicts: the batch and the sequential loop agree on %d of %d students; the batch and the naive"
                + " Maven run on %d of %d%n", loopSame, plan.length, mavenSame, plan.length);
        differences.forEach(d -> System.out.println("  DIFFERS " + d));
        return differences.isEmpty() ? 0 : 1;
    }

    /** A ledger's verdicts by id (its last line for an id wins); empty when there is no ledger yet. */
    private static Map<String, String> ledgerVerdicts(Path tsv) throws IOException {
        Map<String, String> byId = new TreeMap<>();
        if (Files.isRegularFile(tsv)) {
            for (String line : Files.readAllLines(tsv)) {
                String[] cells = line.split("\t");
                if (cells.length == 4 && !line.startsWith("#")) {
                    byId.put(cells[0], cells[3]);
                }
            }
        }
        return byId;
    }

    private static java.util.Set<String> notPassed(GradeReport report) {
        return report.exercises().stream().flatMap(e -> e.tests().stream())
                .filter(t -> t.status() != lockstep.engine.result.TestStatus.PASSED)
                .map(t -> t.id()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Tests of the surefire reports that failed, erred or were skipped, as Class#method. */
    private static java.util.Set<String> surefireNotPassed(Path reports) throws Exception {
        java.util.Set<String> failed = new java.util.TreeSet<>();
        if (!Files.isDirectory(reports)) {
            failed.add("(no surefire reports)");
            return failed;
        }
        javax.xml.parsers.DocumentBuilder xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.filter(x -> x.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                org.w3c.dom.NodeList cases = xml.parse(f.toFile()).getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    org.w3c.dom.Element c = (org.w3c.dom.Element) cases.item(i);
                    String cls = c.getAttribute("classname");
                    String id = cls.substring(cls.lastIndexOf('.') + 1) + "#" + c.getAttribute("name").replaceAll("\\(.*\\)$", "");
                    if (c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength()
                            + c.getElementsByTagName("skipped").getLength() > 0) {
                        failed.add(id);
                    }
                }
            }
        }
        return failed;
    }

    // ---------------------------------------------------------------- same

    /** Keys whose values are times: they may differ between two runs of the same batch. */
    private static final List<String> TIMES = List.of("startedAt", "gradedAt", "finishedAt", "generatedAt", "writtenAt", "durationMs",
            "timing", "totalMs", "testsMs", "compileMs", "jvmStartMs", "seconds", "elapsedMs");

    private static int same(Path a, Path b) throws IOException {
        List<Path> left = files(a);
        List<Path> right = files(b);
        List<String> differences = new ArrayList<>();
        if (!left.equals(right)) {
            List<Path> onlyA = left.stream().filter(f -> !right.contains(f)).toList();
            List<Path> onlyB = right.stream().filter(f -> !left.contains(f)).toList();
            differences.add("files only in " + a + ": " + onlyA + "; only in " + b + ": " + onlyB);
        }
        for (Path f : left) {
            if (!right.contains(f)) {
                continue;
            }
            String x = Files.readString(a.resolve(f));
            String y = Files.readString(b.resolve(f));
            if (!masked(f, x).equals(masked(f, y))) {
                differences.add(f.toString());
            }
        }
        System.out.printf("%d files compared, %d differ apart from times.%n", left.size(), differences.size());
        differences.forEach(d -> System.out.println("  DIFFERS " + d));
        return differences.isEmpty() ? 0 : 1;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /**
     * The text with what differs between two runs taken out: JSON keys of {@link #TIMES}, times written
     * in words, and the ports of the suites' loopback servers (a fresh one each run).
     */
    static String masked(Path file, String text) throws IOException {
        String ports = text.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>");
        if (file.toString().endsWith(".json")) {
            JsonNode tree = JSON.readTree(ports);
            strip(tree);
            return JSON.writeValueAsString(tree);
        }
        return ports.replaceAll("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?", "<time>")
                .replaceAll("\\b\\d{2}:\\d{2}(:\\d{2})?\\b", "<clock>")
                .replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "<duration>");
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TIMES.forEach(object::remove);
            object.forEach(ClassCheck::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ClassCheck::strip);
        }
    }
}

package lockstep.engine.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The course as folders, one per exercise: {@code exercises/<id>/} (its {@code exercise.json},
 * statement, suite and given classes), with its reference solution in {@code solutions/<package
 * path>/} and its template in {@code templates/<package path>/}. The build derives from these
 * folders what it would otherwise need kept by hand, and refuses a course whose folders do not
 * match, saying what to add where.
 *
 * <p>Run at build time, before anything of the course compiles:
 * <ul>
 *   <li>{@code CourseLayout check <repository>} checks that every exercise has its solution, its
 *       template and its suite, that the template's copies of the given classes match
 *       {@code exercises/<id>/given}, and that no solution or template folder belongs to no exercise;
 *       it also writes the exercise table of {@code README.md} (between its two markers) from the
 *       {@code exercise.json} files.</li>
 *   <li>{@code CourseLayout module-info <exercises folder> <output folder>} writes the descriptor of
 *       the suites' module {@code lockstep.suites}: it requires the JDK modules the exercises name in
 *       {@code jdkModules}, and opens each suite package to JUnit alone.</li>
 * </ul>
 */
public final class CourseLayout {
    static final String TABLE_START = "<!-- exercise table: written by the build from exercises/*/exercise.json -->";
    static final String TABLE_END = "<!-- end of the exercise table -->";
    private static final Set<String> NOT_EXERCISES = Set.of("target");

    private CourseLayout() {}

    /** {@code CourseLayout check <repository>} or {@code CourseLayout module-info <exercises folder> <output folder>}. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("check")) {
            Path repo = Path.of(args[1]);
            List<String> problems = new ArrayList<>(problems(repo));
            syncReadme(repo.resolve("README.md"), repo.resolve("exercises"), problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the course's folders do not match (one exercise is exercises/<id>/, "
                        + "solutions/<package path>/ and templates/<package path>/; see README.md, Adding an exercise):"
                        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
            }
        } else if (args.length == 3 && args[0].equals("module-info")) {
            Path target = Path.of(args[2]).resolve("module-info.java");
            String descriptor = moduleInfo(read(Path.of(args[1])));
            if (!Files.isRegularFile(target) || !Files.readString(target).equals(descriptor)) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, descriptor);
            }
        } else {
            throw new IllegalArgumentException(
                    "usage: CourseLayout check <repository> | CourseLayout module-info <exercises folder> <output folder>");
        }
    }

    /** Every {@code exercises/<id>/exercise.json}, in folder order. */
    static List<CatalogBuilder.Meta> read(Path exercisesDir) throws IOException {
        List<CatalogBuilder.Meta> exercises = new ArrayList<>();
        for (Path dir : folders(exercisesDir)) {
            if (Files.isRegularFile(dir.resolve("exercise.json"))) {
                exercises.add(meta(dir));
            }
        }
        return exercises;
    }

    /** The {@code exercise.json} of the exercise in {@code dir}; an unreadable one is named in the exception. */
    private static CatalogBuilder.Meta meta(Path dir) throws IOException {
        Path file = dir.resolve("exercise.json");
        try {
            return new ObjectMapper().readValue(file.toFile(), CatalogBuilder.Meta.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("exercises/" + dir.getFileName() + "/exercise.json: not readable as an exercise: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** What does not match in the course under {@code repo}, each saying what to add or change where; empty when all does. */
    static List<String> problems(Path repo) throws IOException {
        Path exercisesDir = repo.resolve("exercises");
        List<String> problems = new ArrayList<>();
        Map<String, String> packages = new TreeMap<>();
        for (Path dir : folders(exercisesDir)) {
            if (!Files.isRegularFile(dir.resolve("exercise.json"))) {
                problems.add("exercises/" + dir.getFileName() + "/: no exercise.json (id, title, package, order, "
                        + "learnerClasses, hints): every folder in exercises/ is an exercise");
                continue;
            }
            CatalogBuilder.Meta meta;
            try {
                meta = meta(dir);
            } catch (IOException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (!dir.getFileName().toString().equals(meta.id())) {
                problems.add("exercises/" + dir.getFileName() + "/exercise.json: its id is " + meta.id()
                        + ": an exercise's id is its folder's name");
                continue;
            }
            String previous = packages.put(meta.packageName(), meta.id());
            if (previous != null) {
                problems.add("exercises/" + previous + " and exercises/" + meta.id() + " both have package " + meta.packageName());
            }
            problems.addAll(problems(repo, meta));
        }
        Set<String> paths = packages.keySet().stream().map(CourseLayout::path).collect(Collectors.toSet());
        for (String root : List.of("solutions", "templates")) {
            for (String folder : javaFolders(repo.resolve(root))) {
                if (!paths.contains(folder)) {
                    problems.add(root + "/" + folder + "/: no exercise has package " + folder.replace('/', '.')
                            + ": add exercises/<id>/exercise.json with \"package\": \"" + folder.replace('/', '.')
                            + "\" (or remove the folder)");
                }
            }
        }
        return problems;
    }

    private static List<String> problems(Path repo, CatalogBuilder.Meta meta) throws IOException {
        String id = meta.id();
        Path dir = repo.resolve("exercises").resolve(id);
        List<String> problems = new ArrayList<>();
        if (meta.packageName() == null || !meta.packageName().matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+")) {
            return List.of("exercises/" + id + "/exercise.json: \"package\" must be a package name such as ch10.cache, not "
                    + meta.packageName());
        }
        String path = path(meta.packageName());
        if (meta.learnerClasses().isEmpty()) {
            problems.add("exercises/" + id + "/exercise.json: \"learnerClasses\" names no class");
        }
        if (!Files.isRegularFile(dir.resolve("README.md"))) {
            problems.add("exercises/" + id + "/README.md: missing: the statement for the learner");
        }
        String suite = "exercises/" + id + "/tests/" + path + "/tests/";
        if (javaFiles(repo.resolve(suite)).keySet().stream().noneMatch(f -> f.endsWith("Test.java") && !f.contains("/"))) {
            problems.add(suite + ": no *Test.java: the suite, in package " + Exercise.suitePackage(meta.packageName()));
        }
        for (String learner : meta.learnerClasses()) {
            if (!Files.isRegularFile(repo.resolve("solutions/" + path + "/" + learner + ".java"))) {
                problems.add("solutions/" + path + "/" + learner + ".java: missing: the reference solution of " + learner
                        + " (a learner class of " + id + ")");
            }
            if (!Files.isRegularFile(repo.resolve("templates/" + path + "/" + learner + ".java"))) {
                problems.add("templates/" + path + "/" + learner + ".java: missing: the template of " + learner
                        + " (a learner class of " + id + "), each method throwing UnsupportedOperationException(\"TODO: <hint>\")");
            }
        }
        for (String jdkModule : meta.jdkModules()) {
            if (ModuleFinder.ofSystem().find(jdkModule).isEmpty()) {
                problems.add("exercises/" + id + "/exercise.json: \"jdkModules\" names " + jdkModule + ", which is no module of this JDK");
            }
        }
        for (Map.Entry<String, byte[]> given : javaFiles(dir.resolve("given")).entrySet()) {
            String relative = given.getKey();
            String source = "exercises/" + id + "/given/" + relative;
            if (!relative.startsWith(path + "/") || relative.substring(path.length() + 1).contains("/")) {
                problems.add(source + ": a given class of " + id + " belongs in exercises/" + id + "/given/" + path + "/");
                continue;
            }
            Path copy = repo.resolve("templates/" + relative);
            if (!Files.isRegularFile(copy)) {
                problems.add("templates/" + relative + ": missing: copy " + source + " there (the template holds the given classes)");
            } else if (!Arrays.equals(Files.readAllBytes(copy), given.getValue())) {
                problems.add("templates/" + relative + ": differs from " + source + ": copy it there again (the course's copy is graded)");
            }
            if (Files.exists(repo.resolve("solutions/" + relative))) {
                problems.add("solutions/" + relative + ": remove it: the solutions compile with " + source);
            }
        }
        return problems;
    }

    /** The descriptor of the suites' module, {@code lockstep.suites}, for these exercises. */
    static String moduleInfo(List<CatalogBuilder.Meta> exercises) {
        Set<String> requires = new TreeSet<>(List.of("awaitility", "lockstep.testkit", "org.assertj.core", "org.junit.jupiter.api"));
        exercises.forEach(e -> requires.addAll(e.jdkModules()));
        StringBuilder out = new StringBuilder("""
                // Written by the build (lockstep.engine.catalog.CourseLayout) from exercises/*/exercise.json: edit those, not this.
                /**
                 * The course's suites, as a named module in a test JVM. It exports nothing and opens each suite
                 * package to JUnit alone, so learner code on the class path can neither name a suite class nor
                 * reflect on one (to change its state, say), even where the static policy missed a reflective call.
                 *
                 * <p>The suites call the learner's classes, which are on the class path (the unnamed module): the
                 * build compiles them against the reference solutions, and the grader starts each test JVM with
                 * {@code --add-reads lockstep.suites=ALL-UNNAMED}. Each exercise's suite lives in
                 * {@code ch10.<name>.tests}, beside (never inside) the learner's package {@code ch10.<name>}: a
                 * package cannot be split between a named module and the class path.
                 */
                module lockstep.suites {
                """);
        requires.forEach(module -> out.append("    requires ").append(module).append(";\n"));
        out.append('\n');
        exercises.stream().sorted(Comparator.comparingInt(CatalogBuilder.Meta::order))
                .forEach(e -> out.append("    opens ").append(Exercise.suitePackage(e.packageName()))
                        .append(" to org.junit.platform.commons;\n"));
        return out.append("}\n").toString();
    }

    /** The exercise table of the README, from the exercises' {@code exercise.json}. */
    static String readmeTable(List<CatalogBuilder.Meta> exercises) {
        StringBuilder table = new StringBuilder("| # | id | title | package | learner classes |\n"
                + "|---|----|-------|---------|-----------------|\n");
        for (CatalogBuilder.Meta e : exercises.stream().sorted(Comparator.comparingInt(CatalogBuilder.Meta::order)).toList()) {
            table.append("| ").append(e.order()).append(" | `").append(e.id()).append("` | ").append(e.title())
                    .append(" | `").append(e.packageName()).append("` | ")
                    .append(e.learnerClasses().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return table.toString();
    }

    /**
     * Writes the README's exercise table anew when it differs, if the course holds together (no
     * problem so far); a README without the markers is a problem.
     */
    private static void syncReadme(Path readme, Path exercisesDir, List<String> problems) throws IOException {
        String text = Files.isRegularFile(readme) ? Files.readString(readme) : "";
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            problems.add("README.md: the lines " + TABLE_START + " and " + TABLE_END
                    + " are missing: the build writes the exercise table between them");
            return;
        }
        if (!problems.isEmpty()) {
            return;
        }
        String updated = text.substring(0, start + TABLE_START.length()) + "\n" + readmeTable(read(exercisesDir))
                + text.substring(end);
        if (!updated.equals(text)) {
            Files.writeString(readme, updated);
            System.out.println("Lockstep course: README.md's exercise table written anew from exercises/*/exercise.json");
        }
    }

    static String path(String packageName) {
        return packageName.replace('.', '/');
    }

    private static List<Path> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> !NOT_EXERCISES.contains(d.getFileName().toString()) && !d.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The {@code .java} files below {@code dir}, by path relative to it, with their bytes. */
    private static Map<String, byte[]> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, byte[]> found = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).toList()) {
                found.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return found;
        }
    }

    /** The folders below {@code root} that hold {@code .java} files themselves, relative to it. */
    private static Set<String> javaFolders(Path root) throws IOException {
        Set<String> folders = new LinkedHashSet<>();
        for (String file : javaFiles(root).keySet()) {
            if (file.contains("/") && !file.startsWith("target/")) {
                folders.add(file.substring(0, file.lastIndexOf('/')));
            }
        }
        return folders;
    }
}

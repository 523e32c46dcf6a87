package lockstep.engine.catalog;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lockstep.engine.result.TestVisibility;
import lockstep.runner.IsolatedLauncher;
import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import lockstep.testkit.TimeLimit;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Writes the course catalog at build time: reads every {@code exercises/<id>/exercise.json},
 * discovers the exercise's suite (in {@link Exercise#suitePackage(String)}) with the JUnit Platform
 * Launcher, and records each test's unique ID, points, hint, limit and visibility; copies the given sources
 * beside it; and, from the exercise's template ({@code templates/<package path>/}), the
 * {@link TodoMethod}s the learner is to write and the {@link ContractType contract} their classes must keep.
 *
 * <p>It refuses a course where a test has no {@link Points} or {@link Hint}, or where a test is
 * not a plain test method, so a mistake in a suite fails the build instead of a grade.
 */
public final class CatalogBuilder {
    private static final int DEFAULT_EXERCISE_LIMIT_SECONDS = 120;

    private CatalogBuilder() {}

    /** {@code CatalogBuilder <exercises folder> <output folder>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CatalogBuilder <exercises folder> <output folder>");
        }
        Path exercisesDir = Path.of(args[0]);
        Path outputDir = Path.of(args[1]);
        List<Exercise> exercises = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(exercisesDir)) {
            for (Path meta : dirs.map(d -> d.resolve("exercise.json")).filter(Files::isRegularFile).sorted().toList()) {
                exercises.add(build(meta.getParent(), outputDir));
            }
        }
        Path index = outputDir.resolve(Catalog.INDEX);
        Files.createDirectories(index.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(index.toFile(), new Catalog.CatalogFile(exercises));
        System.out.println("Lockstep course catalog: " + exercises.size() + " exercises written to " + index);
    }

    private static Exercise build(Path dir, Path outputDir) throws IOException {
        Meta meta = new ObjectMapper().readValue(dir.resolve("exercise.json").toFile(), Meta.class);
        if (!dir.getFileName().toString().equals(meta.id())) {
            throw new IllegalStateException(dir + ": exercise.json names id " + meta.id());
        }
        List<String> given = copyGiven(dir.resolve("given"), outputDir.resolve(Catalog.ROOT + meta.id() + "/given"));
        List<PlannedTest> tests = discover(meta);
        if (tests.isEmpty()) {
            throw new IllegalStateException(meta.id() + ": no test found in package "
                    + Exercise.suitePackage(meta.packageName()));
        }
        int limit = meta.exerciseTimeLimitSeconds() > 0 ? meta.exerciseTimeLimitSeconds() : DEFAULT_EXERCISE_LIMIT_SECONDS;
        Path templates = dir.getParent().resolveSibling("templates").resolve(CourseLayout.path(meta.packageName()));
        List<TodoMethod> todos = TemplateTodos.find(templates, meta.learnerClasses());
        List<ContractType> contract = TemplateContracts.find(templates, meta.packageName(), meta.learnerClasses());
        return new Exercise(meta.id(), meta.title(), meta.packageName(), meta.order(), meta.learnerClasses(),
                given, meta.hints(), limit, meta.allowedApis(), meta.jdkModules(), tests, todos, meta.learnerOutputShown(),
                contract);
    }

    private static List<String> copyGiven(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return List.of();
        }
        List<String> copied = new ArrayList<>();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = from.relativize(file).toString().replace('\\', '/');
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                copied.add(relative);
            }
        }
        return copied;
    }

    static List<PlannedTest> discover(Meta meta) {
        TestPlan plan = IsolatedLauncher.create().discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(Exercise.suitePackage(meta.packageName())))
                .enableImplicitConfigurationParameters(false)
                // By class name: the order of a package scan is the file system's; the test JVM keeps the catalog's.
                .configurationParameter("junit.jupiter.testclass.order.default", ClassOrderer.ClassName.class.getName())
                .build());
        // Each test's place in this order is the order it runs in; the catalog lists them as the statement does.
        List<PlannedTest> tests = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.isTest()) {
                    tests.add(plannedTest(meta, id, tests.size()));
                }
            }
        }
        return SourceOrder.sort(tests, meta.learnerClasses(), Exercise.suitePackage(meta.packageName()),
                Thread.currentThread().getContextClassLoader());
    }

    private static PlannedTest plannedTest(Meta meta, TestIdentifier id, int runOrder) {
        if (!(id.getSource().orElse(null) instanceof MethodSource source)) {
            throw new IllegalStateException(meta.id() + ": " + id.getUniqueId() + " is not a plain test method");
        }
        Method method = source.getJavaMethod();
        String testId = method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        Points points = method.getAnnotation(Points.class);
        Hint hint = method.getAnnotation(Hint.class);
        if (points == null || hint == null) {
            throw new IllegalStateException(meta.id() + ": " + testId + " needs both @Points and @Hint");
        }
        String suitePackage = Exercise.suitePackage(meta.packageName());
        if (!method.getDeclaringClass().getPackageName().equals(suitePackage)) {
            throw new IllegalStateException(meta.id() + ": " + testId + " is outside package " + suitePackage);
        }
        TimeLimit limit = method.getAnnotation(TimeLimit.class);
        int seconds = limit != null ? limit.seconds() : meta.testTimeLimitSeconds();
        lockstep.testkit.Visibility visibility = method.getAnnotation(lockstep.testkit.Visibility.class);
        return new PlannedTest(id.getUniqueId(), testId, displayName(id, method), points.value(), hint.value(), seconds,
                visibility == null ? TestVisibility.VISIBLE : TestVisibility.valueOf(visibility.value().name()), runOrder);
    }

    /** The test's display name, or its method name in words when it has none of its own. */
    static String displayName(TestIdentifier id, Method method) {
        String display = id.getDisplayName();
        if (!display.equals(method.getName() + "()")) {
            return display;
        }
        return method.getName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .replaceAll("([A-Za-z])([0-9])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The JSON shape of {@code exercise.json}. */
    record Meta(
            String id,
            String title,
            @JsonProperty("package") String packageName,
            int order,
            List<String> learnerClasses,
            int testTimeLimitSeconds,
            int exerciseTimeLimitSeconds,
            List<String> hints,
            List<String> allowedApis,
            List<String> jdkModules,
            String learnerOutput) {
        Meta {
            if (learnerOutput != null && !learnerOutput.equals("shown") && !learnerOutput.equals("hidden")) {
                throw new IllegalArgumentException(id + ": exercise.json: \"learnerOutput\" is \"" + learnerOutput
                        + "\"; it is \"hidden\" (the default) or \"shown\"");
            }
            allowedApis = allowedApis == null ? List.of() : List.copyOf(allowedApis);
            jdkModules = jdkModules == null ? List.of() : List.copyOf(jdkModules);
            learnerClasses = learnerClasses == null ? List.of() : List.copyOf(learnerClasses);
            hints = hints == null ? List.of() : List.copyOf(hints);
            if (testTimeLimitSeconds <= 0) {
                testTimeLimitSeconds = 10;
            }
        }

        /** Whether learners may see on a course platform what their code printed in this exercise's tests. */
        boolean learnerOutputShown() {
            return "shown".equals(learnerOutput);
        }
    }
}

package lockstep.engine.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One exercise of the chapter: its learner and given classes, hints and graded tests.
 *
 * @param id as in the exercise contract, e.g. {@code spawn-join}
 * @param packageName the one package its classes live in, e.g. {@code ch10.spawn}; its suite is in
 *     {@link #suitePackage(String) a package of its own}
 * @param learnerClasses simple names of the classes the learner writes
 * @param givenSources paths of the given sources, relative to the package root (course copies always win)
 * @param exerciseTimeLimitSeconds the limit on the whole suite, before the slack factor
 * @param allowedApis API prefixes (internal names, e.g. {@code java/net/http/}) this exercise's
 *     learner code may use although the policy denies them to others
 * @param jdkModules JDK modules beyond the testkit's that the exercise's suite and learner classes
 *     use (e.g. {@code java.net.http}): the suites' module requires them, and test JVMs add them
 * @param todoMethods the methods and constructors of the learner classes that the template leaves
 *     throwing {@code UnsupportedOperationException("TODO...")}, class by class, each in source order;
 *     empty in a catalog written before they were recorded
 * @param learnerOutputShown whether the course lets learners see, on a course platform, what their
 *     own code printed during this exercise's tests ({@code exercise.json}'s {@code learnerOutput:
 *     "shown"}): for an exercise whose tests' inputs are no secret. False by default, and in a
 *     catalog written before it was recorded
 */
public record Exercise(
        String id,
        String title,
        String packageName,
        int order,
        List<String> learnerClasses,
        List<String> givenSources,
        List<String> hints,
        int exerciseTimeLimitSeconds,
        List<String> allowedApis,
        List<String> jdkModules,
        List<PlannedTest> tests,
        List<TodoMethod> todoMethods,
        boolean learnerOutputShown,
        List<ContractType> contract) {

    public Exercise {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(packageName, "packageName must not be null");
        learnerClasses = List.copyOf(learnerClasses);
        givenSources = List.copyOf(givenSources);
        hints = List.copyOf(hints);
        allowedApis = allowedApis == null ? List.of() : List.copyOf(allowedApis);
        jdkModules = jdkModules == null ? List.of() : List.copyOf(jdkModules);
        tests = List.copyOf(tests);
        todoMethods = todoMethods == null ? List.of() : List.copyOf(todoMethods);
        contract = contract == null ? List.of() : List.copyOf(contract);
        if (exerciseTimeLimitSeconds < 1) {
            throw new IllegalArgumentException("exerciseTimeLimitSeconds must be at least 1: " + id);
        }
    }

    /** An exercise whose learner classes' contract is not known: nothing is compared with it. */
    public Exercise(String id, String title, String packageName, int order, List<String> learnerClasses,
            List<String> givenSources, List<String> hints, int exerciseTimeLimitSeconds, List<String> allowedApis,
            List<String> jdkModules, List<PlannedTest> tests, List<TodoMethod> todoMethods, boolean learnerOutputShown) {
        this(id, title, packageName, order, learnerClasses, givenSources, hints, exerciseTimeLimitSeconds, allowedApis,
                jdkModules, tests, todoMethods, learnerOutputShown, List.of());
    }

    /** An exercise whose learners see only the verdicts, not what their code printed. */
    public Exercise(String id, String title, String packageName, int order, List<String> learnerClasses,
            List<String> givenSources, List<String> hints, int exerciseTimeLimitSeconds, List<String> allowedApis,
            List<String> jdkModules, List<PlannedTest> tests, List<TodoMethod> todoMethods) {
        this(id, title, packageName, order, learnerClasses, givenSources, hints, exerciseTimeLimitSeconds, allowedApis,
                jdkModules, tests, todoMethods, false);
    }

    /** An exercise whose template's TODO methods are not known. */
    public Exercise(String id, String title, String packageName, int order, List<String> learnerClasses,
            List<String> givenSources, List<String> hints, int exerciseTimeLimitSeconds, List<String> allowedApis,
            List<String> jdkModules, List<PlannedTest> tests) {
        this(id, title, packageName, order, learnerClasses, givenSources, hints, exerciseTimeLimitSeconds, allowedApis,
                jdkModules, tests, List.of());
    }

    /**
     * The package of an exercise's suite: {@code <packageName>.tests}, beside the learner's package
     * and never in it, since in a test JVM the suites are a named module and the learner's classes
     * are on the class path, and one package cannot be in both.
     */
    public static String suitePackage(String packageName) {
        return packageName + ".tests";
    }

    /** The points of every test together. */
    public int maxScore() {
        return tests.stream().mapToInt(PlannedTest::points).sum();
    }

    /** Simple names of the given classes. */
    public List<String> givenClasses() {
        return givenSources.stream()
                .map(path -> path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.java$", ""))
                .toList();
    }

    /** Simple names of the suite's test classes. */
    public List<String> testClasses() {
        return tests.stream().map(PlannedTest::testClass).distinct().toList();
    }
}

package lockstep.engine.run;

import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runner's class path split for a test JVM: the runner, the JUnit Platform, the testkit, the
 * course's suites and the libraries they use go on the module path as named modules, so that only
 * the learner's classes are on the class path. Code there can then neither call into nor reflect on
 * the runner, the testkit or the suites: the runner and the suites export nothing, the testkit exports
 * its package to the suites alone (see their {@code module-info}). Libraries without a module
 * descriptor of their own (Awaitility, Hamcrest) are automatic modules, open to all; they hold no
 * grading state.
 *
 * <p>When the runner is not a named module here (an older build, an IDE's class path), everything
 * stays on the class path, as before modules.
 *
 * @param modules the modules, in their original order
 * @param classes the rest, in their original order; the learner's classes go after them
 * @param readers the names of the modules on {@code modules} that call the learner's classes (the
 *     suites), which the test JVM lets read the class path
 */
record RunnerPath(List<Path> modules, List<Path> classes, List<String> readers) {
    /** The runner's module and its entry point. */
    static final String MAIN = "lockstep.runner/lockstep.runner.RunnerMain";
    private static final String RUNNER = "lockstep.runner";
    private static final String SUITES = "lockstep.suites";
    private static final List<String> MODULE_PREFIXES = List.of(RUNNER, "lockstep.testkit", SUITES, "org.junit.",
            "org.opentest4j", "org.apiguardian.", "org.jspecify", "org.assertj.", "net.bytebuddy", "awaitility",
            "org.awaitility", "org.hamcrest");
    private static final Map<List<Path>, RunnerPath> SPLITS = new ConcurrentHashMap<>();

    RunnerPath {
        modules = List.copyOf(modules);
        classes = List.copyOf(classes);
        readers = List.copyOf(readers);
    }

    /** Splits {@code classpath}; the result is cached, since every test JVM asks for the same one. */
    static RunnerPath of(List<Path> classpath) {
        return SPLITS.computeIfAbsent(List.copyOf(classpath), RunnerPath::split);
    }

    /** Whether the runner is a named module here; if it is not, everything stays on the class path. */
    boolean modular() {
        return !modules.isEmpty();
    }

    private static RunnerPath split(List<Path> classpath) {
        List<Path> modules = new ArrayList<>();
        List<Path> classes = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        boolean runnerFound = false;
        for (Path entry : classpath) {
            Optional<ModuleDescriptor> module = module(entry);
            String name = module.map(ModuleDescriptor::name).orElse("");
            if (module.isPresent() && MODULE_PREFIXES.stream().anyMatch(name::startsWith)) {
                modules.add(entry);
                runnerFound |= name.equals(RUNNER) && !module.get().isAutomatic();
                if (name.equals(SUITES)) {
                    readers.add(name);
                }
            } else {
                classes.add(entry);
            }
        }
        return runnerFound ? new RunnerPath(modules, classes, readers) : new RunnerPath(List.of(), classpath, List.of());
    }

    /**
     * The module {@code entry} is on the module path: explicit, or automatic for a jar without a
     * descriptor; none for a folder of classes without one (the module path would take it for a
     * folder of modules).
     */
    private static Optional<ModuleDescriptor> module(Path entry) {
        if (Files.isDirectory(entry) && !Files.isRegularFile(entry.resolve("module-info.class"))) {
            return Optional.empty();
        }
        try {
            return ModuleFinder.of(entry).findAll().stream().map(ModuleReference::descriptor).findFirst();
        } catch (FindException e) {
            return Optional.empty();
        }
    }
}

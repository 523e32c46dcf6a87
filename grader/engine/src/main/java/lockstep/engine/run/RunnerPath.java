package lockstep.engine.run;

import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runner's class path split for a test JVM: the runner and the JUnit Platform go on the module
 * path as named modules, everything learner code may use (the testkit, AssertJ, the suites) stays
 * on the class path. Code on the class path then cannot reach into the runner: it exports and opens
 * nothing.
 *
 * @param modules explicit modules: the runner and what it requires
 * @param classes the rest, in their original order; the learner's classes go after them
 */
record RunnerPath(List<Path> modules, List<Path> classes) {
    /** The runner's module and its entry point. */
    static final String MAIN = "lockstep.runner/lockstep.runner.RunnerMain";
    private static final String RUNNER = "lockstep.runner";
    private static final List<String> MODULE_PREFIXES =
            List.of(RUNNER, "org.junit.", "org.opentest4j", "org.apiguardian.", "org.jspecify");
    private static final Map<List<Path>, RunnerPath> SPLITS = new ConcurrentHashMap<>();

    RunnerPath {
        modules = List.copyOf(modules);
        classes = List.copyOf(classes);
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
        boolean runnerFound = false;
        for (Path entry : classpath) {
            Optional<String> name = explicitModule(entry);
            if (name.isPresent() && MODULE_PREFIXES.stream().anyMatch(name.get()::startsWith)) {
                modules.add(entry);
                runnerFound |= name.get().equals(RUNNER);
            } else {
                classes.add(entry);
            }
        }
        return runnerFound ? new RunnerPath(modules, classes) : new RunnerPath(List.of(), classpath);
    }

    private static Optional<String> explicitModule(Path entry) {
        try {
            return ModuleFinder.of(entry).findAll().stream()
                    .map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic())
                    .map(ModuleDescriptor::name)
                    .findFirst();
        } catch (FindException e) {
            return Optional.empty();
        }
    }
}

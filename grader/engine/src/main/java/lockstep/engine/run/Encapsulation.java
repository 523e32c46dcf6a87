package lockstep.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options that keep learner code away from the JVM's own controls, chosen for the
 * {@code java} that runs the tests (older JDKs refuse options they do not know): no attaching
 * agents, {@code sun.misc.Unsafe} memory access and JNI/FFM native access denied, and, when the
 * runner starts as a named module, the modules of the {@link RunnerPath} and only the JDK modules
 * the suites need added to the boot layer (so {@code jdk.unsupported}, home of
 * {@code sun.misc.Unsafe}, and {@code java.instrument} are not there at all), with the suites let
 * read the learner's classes on the class path.
 *
 * <p>{@code --limit-modules} would cut the JDK down further, but it turns class-data sharing off,
 * which costs every test JVM its fast start.
 */
final class Encapsulation {
    /**
     * The JDK modules the class path is given beside the runner's own, whatever the course: what the
     * testkit uses. The exercises' own (the HTTP client and server of http-fetch, say) come from their
     * {@code exercise.json} through {@link JvmOptions#jdkModules()}. Modules that provide services to
     * these come along (the JDK binds them), but not {@code jdk.unsupported} or {@code java.instrument}.
     */
    static final List<String> TESTKIT_MODULES = List.of("java.logging", "java.management");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Map<Path, OptionalInt> FEATURES = new ConcurrentHashMap<>();

    private Encapsulation() {}

    /**
     * The options for a test JVM started with {@code java}.
     *
     * @param runner the split of the runner's class path, which says whether the runner starts as a
     *     named module
     * @param jdkModules the JDK modules the course needs beyond {@link #TESTKIT_MODULES}
     */
    static List<String> options(Path java, RunnerPath runner, List<String> jdkModules) {
        OptionalInt feature = FEATURES.computeIfAbsent(java, Encapsulation::feature);
        List<String> options = new ArrayList<>(List.of("-XX:+DisableAttachMechanism", "-XX:-EnableDynamicAgentLoading"));
        if (runner.modular()) {
            // The main module alone is the root: the suites (which nothing requires), the libraries
            // they use and the JDK modules the class path needs are added.
            List<String> added = new ArrayList<>(TESTKIT_MODULES);
            jdkModules.stream().filter(module -> !added.contains(module)).forEach(added::add);
            added.add("ALL-MODULE-PATH");
            options.addAll(List.of("--add-modules", String.join(",", added)));
            for (String reader : runner.readers()) {
                options.addAll(List.of("--add-reads", reader + "=ALL-UNNAMED"));
            }
        }
        if (feature.orElse(0) >= 23) {
            options.add("--sun-misc-unsafe-memory-access=deny");
        }
        if (feature.orElse(0) >= 24) {
            options.add("--illegal-native-access=deny");
        }
        return options;
    }

    /** The feature release of {@code java} (its JDK's {@code release} file), if it can be read. */
    static OptionalInt feature(Path java) {
        Path release = java.toAbsolutePath().getParent().resolveSibling("release");
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}

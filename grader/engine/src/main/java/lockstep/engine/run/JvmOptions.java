package lockstep.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lockstep.engine.sandbox.Sandbox;

/**
 * How child JVMs are started: which {@code java}, the runner's class path and the limits.
 *
 * @param runnerClasspath the runner, JUnit, the testkit and the course's suites; learner classes go after them
 * @param maxHeapMb {@code -Xmx}
 * @param maxDirectMemoryMb {@code -XX:MaxDirectMemorySize}
 * @param threadStackKb {@code -Xss}
 * @param outputCapBytes how much of one test's printing is kept
 * @param classData a class-data archive of the runner's class path that starts test JVMs faster, when there is one
 * @param sandbox what confines each test JVM's process
 * @param jdkModules the JDK modules the course needs beyond the testkit's (from the exercises'
 *     {@code exercise.json}), added to each test JVM that starts the runner as a named module
 */
public record JvmOptions(Path java, List<Path> runnerClasspath, int maxHeapMb, int maxDirectMemoryMb,
        int threadStackKb, int outputCapBytes, Optional<Path> classData, Sandbox sandbox, List<String> jdkModules) {

    public JvmOptions {
        Objects.requireNonNull(java, "java must not be null");
        runnerClasspath = List.copyOf(runnerClasspath);
        Objects.requireNonNull(classData, "classData must not be null");
        Objects.requireNonNull(sandbox, "sandbox must not be null");
        jdkModules = List.copyOf(jdkModules);
    }

    /**
     * The defaults: 256 MiB heap, 64 MiB direct memory, 1 MiB stacks, 16 KiB of output per test, no
     * archive, no sandbox, no JDK module beyond the testkit's.
     */
    public static JvmOptions defaults(Path java, List<Path> runnerClasspath) {
        return new JvmOptions(java, runnerClasspath, 256, 64, 1024, 16 * 1024, Optional.empty(),
                Sandbox.none("not chosen"), List.of());
    }

    /** The same options, starting test JVMs with this class-data archive. */
    public JvmOptions withClassData(Path archive) {
        return new JvmOptions(java, runnerClasspath, maxHeapMb, maxDirectMemoryMb, threadStackKb, outputCapBytes,
                Optional.of(archive), sandbox, jdkModules);
    }

    /** The same options, starting test JVMs in {@code sandbox}. */
    public JvmOptions withSandbox(Sandbox sandbox) {
        return new JvmOptions(java, runnerClasspath, maxHeapMb, maxDirectMemoryMb, threadStackKb, outputCapBytes,
                classData, sandbox, jdkModules);
    }

    /** The same options, adding these JDK modules to each test JVM (the course's, {@code Catalog.jdkModules()}). */
    public JvmOptions withJdkModules(List<String> jdkModules) {
        return new JvmOptions(java, runnerClasspath, maxHeapMb, maxDirectMemoryMb, threadStackKb, outputCapBytes,
                classData, sandbox, jdkModules);
    }

    /**
     * What a test JVM reads besides the JDK and the learner's classes, for a sandbox to let it see:
     * the runner's class path and the class-data archive, once written.
     */
    public List<Path> readable() {
        List<Path> readable = new ArrayList<>(runnerClasspath);
        classData.filter(Files::isRegularFile).ifPresent(readable::add);
        return readable;
    }
}

package lockstep.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lockstep.runner.protocol.RunRequest;

/**
 * A class-data sharing archive of the runner's class path (JUnit, AssertJ, the runner, the testkit
 * and the suites, as modules), made once by a training run and mapped by every later test JVM,
 * which then starts about twice as fast. Learner classes are never in it: the training run has
 * none, and no class path at all where the runner is a module.
 */
public final class ClassData {
    private static final long TRAINING_SECONDS = 60;

    private ClassData() {}

    /**
     * Returns {@code options} with the archive at {@code archive}, making it first if it is missing.
     * When it cannot be made (a read-only installation, a JVM without CDS), returns {@code options}
     * unchanged: test JVMs then simply start more slowly.
     *
     * @param trainingTests unique IDs of tests whose classes the training run should load
     */
    public static JvmOptions prepare(JvmOptions options, Path archive, List<String> trainingTests) {
        if (Files.isRegularFile(archive)) {
            return options.withClassData(archive);
        }
        try {
            Files.createDirectories(archive.getParent());
            Path temp = Files.createTempFile(archive.getParent(), "training-", ".jsa");
            Files.delete(temp);
            Path work = Files.createTempDirectory("lockstep-training-");
            RunRequest request = new RunRequest(trainingTests.stream()
                    .map(id -> new RunRequest.TestToRun(id, TimeUnit.SECONDS.toMillis(10))).toList(), 1024, "");
            // Unconfined: the training run writes the archive, and runs no learner code.
            JvmOptions training = options.withSandbox(lockstep.engine.sandbox.Sandbox.none("training run"));
            try (ChildProcess child = ChildProcess.spawn(training, Optional.empty(), work, 1.0,
                    List.of("-XX:ArchiveClassesAtExit=" + temp))) {
                child.send(request);
                child.go();
                while (child.poll(TimeUnit.SECONDS.toNanos(TRAINING_SECONDS)) instanceof ChildProcess.Item.Got) {
                    // Reads the training run's events to the end; their verdicts do not matter.
                }
                child.awaitExit(TimeUnit.SECONDS.toMillis(TRAINING_SECONDS));
            } finally {
                Files.deleteIfExists(work);
            }
            if (!Files.isRegularFile(temp)) {
                return options;
            }
            Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return options.withClassData(archive);
        } catch (IOException e) {
            return options;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return options;
        }
    }
}

package lockstep.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lockstep.engine.run.RunSpec;
import lockstep.engine.run.SuiteRunner;
import lockstep.engine.sandbox.OthersAccess;

/**
 * Where a grading compiles and runs each exercise: a folder per exercise under one root. A grading
 * on its own makes a fresh root and deletes it at the end. A {@link Grader.Repeated} keeps its root
 * between gradings, empties an exercise's folders before each use (the folders themselves stay, so
 * that a test JVM started on them, whose sandbox binds them, still sees what is compiled into them
 * later), and holds, per exercise, the test JVM it booted ahead after the last grading, for the next
 * grading of that exercise to take.
 */
final class Workspace implements AutoCloseable {
    /** A test JVM booted ahead for an exercise's next run, and the run it was booted for. */
    private record Spare(RunSpec spec, SuiteRunner.Prepared prepared) {}

    private final Path root;
    private final boolean kept;
    /** By exercise id; guarded by this, since the grader stages the next exercise on a thread of its own. */
    private final Map<String, Spare> spares = new HashMap<>();
    /** The runs the grading under way prepared, by exercise id: what to boot ahead after it. */
    private final Map<String, RunSpec> staged = new LinkedHashMap<>();

    private Workspace(Path root, boolean kept) {
        this.root = root;
        this.kept = kept;
    }

    /** A fresh folder for one grading; {@link #close()} deletes it. */
    static Workspace temporary() throws IOException {
        return open(false);
    }

    /** A folder kept between gradings, until {@link #close()}. */
    static Workspace kept() throws IOException {
        return open(true);
    }

    private static Workspace open(boolean kept) throws IOException {
        Path root = Files.createTempDirectory("lockstep-");
        OthersAccess.open(root);
        return new Workspace(root, kept);
    }

    /** {@code name} under the exercise's folder, made, or emptied when an earlier grading left it. */
    Path folder(String exerciseId, String name) throws IOException {
        Path folder = root.resolve(exerciseId).resolve(name);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> inside = Files.list(folder)) {
                for (Path p : inside.toList()) {
                    deleteTree(p);
                }
            }
            return folder;
        }
        return Files.createDirectories(folder);
    }

    /**
     * The run of {@code spec}: the test JVM booted ahead for it if there is one and it is still
     * running, else one starting now.
     */
    synchronized SuiteRunner.Prepared prepare(SuiteRunner runner, String exerciseId, RunSpec spec) {
        if (kept) {
            staged.put(exerciseId, spec);
        }
        Spare spare = spares.remove(exerciseId);
        if (spare != null && spare.spec().equals(spec) && spare.prepared().usable()) {
            return spare.prepared();
        }
        if (spare != null) {
            spare.prepared().close();
        }
        return runner.prepare(spec);
    }

    /**
     * After a grading that ended normally: when kept, boots the next test JVM of each exercise it
     * staged, and lets go of those of exercises it did not grade; nothing otherwise.
     */
    synchronized void bootAhead(SuiteRunner runner) {
        if (!kept) {
            return;
        }
        releaseSpares();
        staged.forEach((id, spec) -> spares.put(id, new Spare(spec, runner.prepareAhead(spec))));
        staged.clear();
    }

    private void releaseSpares() {
        spares.values().forEach(s -> s.prepared().close());
        spares.clear();
    }

    /** Kills the test JVMs booted ahead and deletes the folder. */
    @Override
    public synchronized void close() {
        releaseSpares();
        staged.clear();
        deleteTree(root);
    }

    /** Deletes a tree of the grader's own; links inside it are removed, never followed. */
    private static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }
}

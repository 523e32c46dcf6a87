import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark of watch mode: how long from saving a file to seeing the verdict, for {@code mutex}
 * (the reference solution, in a copy made in a temporary folder), in {@code ./grade watch} against
 * {@code ./grade mutex} end to end. Prints every run's figure, then the median, minimum and maximum
 * of each. Measures, asserts nothing.
 *
 * <p>The watch is {@code ./grade watch mutex --stay} with its output on a pipe; a save is one
 * rewrite of {@code Mutex.java} (a comment line added), and the verdict is the line the watch
 * prints after each grading ({@code Graded at ...}); its time is when this program reads it.
 *
 * <p>Run as a single-file program: {@code java grader/WatchBench.java REPO [RUNS]}, or
 * {@code grader/bench-watch [RUNS]}.
 */
public final class WatchBench {
    private static final String VERDICT = "Graded at ";
    /** Saves not counted, after the first grading: the watch's JIT and javac warm up. */
    private static final int WARM_UP = 3;

    /** A line of the watch's output and when it was read. */
    record Line(String text, long nanos) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java grader/WatchBench.java REPO [RUNS]");
            System.exit(2);
        }
        Path repo = Path.of(args[0]).toAbsolutePath().normalize();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path tmp = Files.createTempDirectory("lockstep-watch-bench-");
        try {
            Path submission = Files.createDirectories(tmp.resolve("submission/ch10"));
            copyTree(repo.resolve("solutions/ch10/mutex"), submission.resolve("mutex"));
            Path mutex = submission.resolve("mutex/Mutex.java");
            List<Long> grade = gradeEndToEnd(repo, tmp, runs);
            List<Long> watch = watchSaveToVerdict(repo, tmp, mutex, runs);
            System.out.println();
            System.out.println(summary("./grade mutex, end to end      ", grade));
            System.out.println(summary("./grade watch, save to verdict ", watch));
        } finally {
            deleteTree(tmp);
        }
    }

    private static List<Long> gradeEndToEnd(Path repo, Path tmp, int runs) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            Process grade = new ProcessBuilder("bash", repo.resolve("grade").toString(), "mutex",
                    "--submission", tmp.resolve("submission").toString(), "--json", tmp.resolve("grade.json").toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("grade.out").toFile()).start();
            if (!grade.waitFor(300, TimeUnit.SECONDS) || grade.exitValue() != 0) {
                grade.destroyForcibly();
                throw new IllegalStateException("./grade mutex failed:\n" + Files.readString(tmp.resolve("grade.out")));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            times.add(ms);
            System.out.printf("./grade mutex run %d: %d ms end to end%n", i, ms);
        }
        return times;
    }

    private static List<Long> watchSaveToVerdict(Path repo, Path tmp, Path mutex, int runs) throws Exception {
        Process watch = new ProcessBuilder("bash", repo.resolve("grade").toString(), "watch", "mutex", "--stay", "--timing",
                "--submission", tmp.resolve("submission").toString(), "--json", tmp.resolve("watch.json").toString())
                .redirectErrorStream(true).start();
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(new Line(line, System.nanoTime()));
                }
            } catch (IOException e) {
                // The watch ended.
            }
        });
        List<Long> times = new ArrayList<>();
        try {
            awaitVerdict(lines, "the first grading", new ArrayList<>());
            String source = Files.readString(mutex);
            for (int i = 1 - WARM_UP; i <= runs; i++) {
                // Settled: the last grading's test JVM has gone, the watch is idle, as when a learner types.
                Thread.sleep(1_000);
                lines.clear();
                long saved = System.nanoTime();
                Files.writeString(mutex, source + "// save " + i + "\n");
                List<Line> seen = new ArrayList<>();
                Line verdict = awaitVerdict(lines, "the grading after save " + i, seen);
                long ms = (verdict.nanos() - saved) / 1_000_000;
                if (i >= 1) {
                    times.add(ms);
                    String split = seen.stream().map(Line::text).filter(t -> t.startsWith("mutex ") && t.contains(" ms "))
                            .findFirst().orElse("").replaceAll(" +", " ");
                    System.out.printf("./grade watch save %d: verdict %d ms after the save (timing: %s)%n", i, ms, split);
                }
            }
        } finally {
            watch.destroy();
            if (!watch.waitFor(30, TimeUnit.SECONDS)) {
                watch.destroyForcibly();
            }
        }
        return times;
    }

    /** The next verdict line; every line up to it is added to {@code seen}. */
    private static Line awaitVerdict(BlockingQueue<Line> lines, String what, List<Line> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Line line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            if (line.text().startsWith(VERDICT)) {
                return line;
            }
        }
        throw new IllegalStateException("no verdict for " + what + " within 120 s; the watch printed:\n"
                + String.join("\n", seen.stream().map(Line::text).toList()));
    }

    private static String summary(String what, List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format("%s median %5d ms  (min %d, max %d, %d runs)", what, median, sorted.getFirst(), sorted.getLast(),
                sorted.size());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package lockstep.watch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;

/**
 * The watch itself: grades the exercise the learner is on, then again after each {@link #saved()},
 * until {@link #stop()}. A save during a grading cancels it (the engine stops at an interrupt: javac
 * gives up, the test JVM is killed) and grades again, so the verdict shown is always of the code as
 * last saved. When the exercise reaches full marks, the loop says so and moves on to the next one.
 *
 * <p>Gradings run one at a time on a thread of their own; everything the learner sees is said
 * through the {@link Display} on the loop's thread, so a cancelled grading never prints anything.
 */
public final class WatchLoop {
    /** Grades one exercise; interrupted when a save makes it stale, and its outcome is then ignored. */
    @FunctionalInterface
    public interface Grading {
        GradeReport grade(String exerciseId) throws Exception;
    }

    /** Why a grading starts. */
    public enum Start {
        /** The watch began. */
        FIRST,
        /** A file was saved. */
        SAVED,
        /** A file was saved during a grading, which was cancelled. */
        RESTARTED,
        /** The exercise before reached full marks. */
        NEXT
    }

    /** What the learner sees; called on the loop's thread, one call at a time. */
    public interface Display {
        void grading(String exerciseId, Start why);

        /** A grading finished; {@code millis} from its start (the save, when a save started it) to now. */
        void graded(String exerciseId, GradeReport report, long millis);

        /** The grader itself failed (not the learner's code: that is a verdict); the watch goes on. */
        void failed(String exerciseId, Throwable failure);

        /** {@code exerciseId} is at full marks; the watch moves to {@code next}, or stays when it was the last. */
        void fullMarks(String exerciseId, Optional<String> next);
    }

    private sealed interface Signal {
        record Saved(long atNanos) implements Signal {}

        record Stop() implements Signal {}

        record Done(long run, GradeReport report, Throwable failure, long millis) implements Signal {}
    }

    private final List<String> exercises;
    private final Grading grading;
    private final Display display;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("lockstep-watch-grading").unstarted(r));
    private final CountDownLatch ended = new CountDownLatch(1);
    private Future<?> running;
    private long run;

    /** @param exercises the course's exercises in order: the loop moves along them */
    public WatchLoop(List<String> exercises, Grading grading, Display display) {
        this.exercises = List.copyOf(exercises);
        if (this.exercises.isEmpty()) {
            throw new IllegalArgumentException("no exercise to watch");
        }
        this.grading = Objects.requireNonNull(grading, "grading must not be null");
        this.display = Objects.requireNonNull(display, "display must not be null");
    }

    /** A file was saved (once per burst: see {@link Debouncer}); safe from any thread. */
    public void saved() {
        signals.add(new Signal.Saved(System.nanoTime()));
    }

    /** Ends {@link #run}: the grading under way is cancelled. Safe from any thread, a shutdown hook's included. */
    public void stop() {
        signals.add(new Signal.Stop());
    }

    /**
     * After {@link #stop()}: waits until the loop has ended and no grading runs any more (its test
     * JVM killed), at most {@code timeout}; whether it has.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Grades {@code exercises[first]}, then again on each save, until {@link #stop()}. */
    public void run(int first) throws InterruptedException {
        int current = first;
        try {
            start(current, Start.FIRST, System.nanoTime());
            while (true) {
                switch (signals.take()) {
                    case Signal.Stop stop -> {
                        return;
                    }
                    case Signal.Saved saved -> {
                        boolean busy = running != null && !running.isDone();
                        if (busy) {
                            running.cancel(true);
                        }
                        start(current, busy ? Start.RESTARTED : Start.SAVED, saved.atNanos());
                    }
                    case Signal.Done done when done.run() != run -> {
                        // A grading that a save cancelled: its outcome is of code no longer there.
                    }
                    case Signal.Done done -> {
                        running = null;
                        String id = exercises.get(current);
                        if (done.failure() != null) {
                            display.failed(id, done.failure());
                            continue;
                        }
                        display.graded(id, done.report(), done.millis());
                        if (isFull(done.report())) {
                            Optional<String> next = current + 1 < exercises.size()
                                    ? Optional.of(exercises.get(current + 1)) : Optional.empty();
                            display.fullMarks(id, next);
                            if (next.isPresent()) {
                                current++;
                                start(current, Start.NEXT, System.nanoTime());
                            }
                        }
                    }
                }
            }
        } finally {
            if (running != null) {
                running.cancel(true);
            }
            worker.shutdownNow();
            try {
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } finally {
                ended.countDown();
            }
        }
    }

    /** Starts grading {@code exercises[index]} on the worker, after any grading still ending there. */
    private void start(int index, Start why, long sinceNanos) {
        long thisRun = ++run;
        String id = exercises.get(index);
        display.grading(id, why);
        running = worker.submit(() -> {
            GradeReport report = null;
            Throwable failure = null;
            try {
                report = grading.grade(id);
            } catch (Exception | Error e) {
                // Said on the loop's thread, so that the watch goes on; an interrupted grading's is ignored there.
                failure = e;
            }
            signals.add(new Signal.Done(thisRun, report, failure, (System.nanoTime() - sinceNanos) / 1_000_000));
        });
    }

    /** Whether the report's one exercise earned every point there is. */
    static boolean isFull(GradeReport report) {
        return !report.exercises().isEmpty() && report.exercises().stream().allMatch(WatchLoop::isFull);
    }

    /** Whether the exercise was graded and earned every point there is. */
    public static boolean isFull(ExerciseResult result) {
        return result.status() == ExerciseStatus.GRADED && result.maxScore() > 0 && result.score() == result.maxScore();
    }
}

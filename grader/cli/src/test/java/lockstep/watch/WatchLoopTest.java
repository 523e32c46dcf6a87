package lockstep.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.Timing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watch's loop with gradings made up by the test: no grader, no files, no clock assertions. */
@Timeout(60)
class WatchLoopTest {
    /** What the display was told, one line per call. */
    private final BlockingQueue<String> shown = new LinkedBlockingQueue<>();
    private final WatchLoop.Display display = new WatchLoop.Display() {
        @Override
        public void grading(String exerciseId, WatchLoop.Start why) {
            shown.add("grading " + exerciseId + " " + why);
        }

        @Override
        public void graded(String exerciseId, GradeReport report, long millis) {
            shown.add("graded " + exerciseId + " " + report.score());
        }

        @Override
        public void failed(String exerciseId, Throwable failure) {
            shown.add("failed " + exerciseId + " " + failure.getMessage());
        }

        @Override
        public void fullMarks(String exerciseId, Optional<String> next) {
            shown.add("full " + exerciseId + " next " + next.orElse("none"));
        }
    };
    private Thread loopThread;
    private WatchLoop loop;

    private static GradeReport report(String id, double score) {
        ExerciseResult result = new ExerciseResult(id, id, ExerciseStatus.GRADED, score, 10, null, List.of(), Timing.NONE);
        return new GradeReport(GradeReport.SCHEMA_VERSION, new GradeReport.GraderInfo("lockstep", "dev"), "sub", Instant.EPOCH,
                0, score, 10, List.of(result));
    }

    private void start(List<String> exercises, WatchLoop.Grading grading, int first) {
        loop = new WatchLoop(exercises, grading, display);
        loopThread = Thread.ofPlatform().start(() -> {
            try {
                loop.run(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private String next() throws InterruptedException {
        String line = shown.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("the display was told something").isNotNull();
        return line;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
            assertThat(loop.awaitEnd(Duration.ofSeconds(20))).as("the loop ended").isTrue();
            loopThread.join(20_000);
        }
    }

    @Test
    void gradesAtOnceThenAgainOnEachSave() throws Exception {
        List<Double> scores = new ArrayList<>(List.of(3.0, 5.0));
        start(List.of("a", "b"), id -> report(id, scores.removeFirst()), 0);

        assertThat(next()).isEqualTo("grading a FIRST");
        assertThat(next()).isEqualTo("graded a 3.0");
        loop.saved();
        assertThat(next()).isEqualTo("grading a SAVED");
        assertThat(next()).isEqualTo("graded a 5.0");
    }

    @Test
    void aSaveDuringAGradingInterruptsItAndItsVerdictIsNeverShown() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstInterrupted = new CountDownLatch(1);
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(List.of("a"), id -> {
            calls.add(id);
            if (calls.size() == 1) {
                firstStarted.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    firstInterrupted.countDown();
                    // As the engine does: it returns a verdict of an interrupted run, which must not be shown.
                    return report(id, 1);
                }
            }
            return report(id, 7);
        }, 0);

        assertThat(next()).isEqualTo("grading a FIRST");
        assertThat(firstStarted.await(20, TimeUnit.SECONDS)).isTrue();
        loop.saved();
        assertThat(firstInterrupted.await(20, TimeUnit.SECONDS)).as("the stale grading was interrupted").isTrue();
        assertThat(next()).isEqualTo("grading a RESTARTED");
        assertThat(next()).isEqualTo("graded a 7.0");
        assertThat(calls).hasSize(2);
    }

    @Test
    void atFullMarksItSaysSoAndMovesToTheNextExerciseAndStaysOnTheLast() throws Exception {
        start(List.of("a", "b", "c"), id -> report(id, id.equals("b") ? 4 : 10), 0);

        assertThat(next()).isEqualTo("grading a FIRST");
        assertThat(next()).isEqualTo("graded a 10.0");
        assertThat(next()).isEqualTo("full a next b");
        assertThat(next()).isEqualTo("grading b NEXT");
        assertThat(next()).isEqualTo("graded b 4.0");
        assertThat(shown.poll(300, TimeUnit.MILLISECONDS)).as("b is not at full marks: the watch stays on it").isNull();
    }

    @Test
    void theLastExerciseAtFullMarksStaysWatched() throws Exception {
        start(List.of("a", "b"), id -> report(id, 10), 1);

        assertThat(next()).isEqualTo("grading b FIRST");
        assertThat(next()).isEqualTo("graded b 10.0");
        assertThat(next()).isEqualTo("full b next none");
        loop.saved();
        assertThat(next()).isEqualTo("grading b SAVED");
    }

    @Test
    void aGraderFailureIsShownAndTheWatchGoesOn() throws Exception {
        List<Boolean> fail = new ArrayList<>(List.of(true, false));
        start(List.of("a"), id -> {
            if (fail.removeFirst()) {
                throw new IllegalStateException("broken");
            }
            return report(id, 2);
        }, 0);

        assertThat(next()).isEqualTo("grading a FIRST");
        assertThat(next()).isEqualTo("failed a broken");
        loop.saved();
        assertThat(next()).isEqualTo("grading a SAVED");
        assertThat(next()).isEqualTo("graded a 2.0");
    }

    @Test
    void stopEndsTheGradingUnderWay() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        start(List.of("a"), id -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return report(id, 0);
        }, 0);
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        loop.stop();

        assertThat(loop.awaitEnd(Duration.ofSeconds(20))).isTrue();
        assertThat(interrupted.getCount()).as("the grading was interrupted before the loop ended").isZero();
    }
}

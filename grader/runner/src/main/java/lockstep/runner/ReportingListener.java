package lockstep.runner;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lockstep.runner.protocol.Event;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns JUnit's execution events into {@link Event}s for the grader and arms the watchdog for
 * every test. Thread-safe: JUnit may call it from any thread.
 */
final class ReportingListener implements TestExecutionListener {
    private final EventSink sink;
    private final OutputCapture capture;
    private final Watchdog watchdog;
    private final Map<String, Long> limits;
    private final Map<String, Long> startedAt = new ConcurrentHashMap<>();

    ReportingListener(EventSink sink, OutputCapture capture, Watchdog watchdog, Map<String, Long> limits) {
        this.sink = sink;
        this.capture = capture;
        this.watchdog = watchdog;
        this.limits = Map.copyOf(limits);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getParentId().isEmpty()) { // the engine itself
            return;
        }
        startedAt.put(id.getUniqueId(), System.nanoTime());
        sink.send(new Event.Started(id.getUniqueId()));
        if (id.isTest()) {
            capture.take();
            watchdog.arm(id.getUniqueId(), limits.getOrDefault(id.getUniqueId(), Watchdog.DEFAULT_LIMIT_MILLIS));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            watchdog.disarm(id.getUniqueId());
        }
        Long start = startedAt.remove(id.getUniqueId());
        if (start == null) {
            return;
        }
        Event.Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Event.Outcome.SUCCESSFUL;
            case FAILED -> Event.Outcome.FAILED;
            case ABORTED -> Event.Outcome.ABORTED;
        };
        Optional<Event.Failure> failure = result.getThrowable().map(Failures::describe);
        Event.Output output = id.isTest() ? capture.take() : Event.Output.NONE;
        sink.send(new Event.Finished(id.getUniqueId(), outcome, failure, output, (System.nanoTime() - start) / 1_000_000));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        Event.Thrown why = new Event.Thrown("skipped", reason == null ? "" : Failures.cap(reason), java.util.List.of());
        sink.send(new Event.Finished(id.getUniqueId(), Event.Outcome.SKIPPED,
                Optional.of(new Event.Failure(java.util.List.of(why))), Event.Output.NONE, 0));
    }
}

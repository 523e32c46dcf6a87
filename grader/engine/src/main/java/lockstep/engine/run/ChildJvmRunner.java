package lockstep.engine.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lockstep.engine.run.ChildProcess.Item;
import lockstep.runner.protocol.Event;
import lockstep.runner.protocol.RunRequest;

/**
 * {@link SuiteRunner} over child JVMs. Runs every test in one JVM when it can; when a test
 * overruns its limit the JVM is stopped (by the runner's watchdog, or killed by the grader if
 * that does not answer), and when the JVM dies during a test (it exits, halts, or runs out of
 * memory), a fresh JVM runs the tests that remain, so one stuck or fatal test costs only its own
 * points. Fresh starts after deaths are bounded by {@link #MAX_RESTARTS_AFTER_DEATH}, so a death in
 * every test cannot multiply an exercise's grading time; overruns are bounded by the exercise's
 * own time limit.
 */
final class ChildJvmRunner implements SuiteRunner {
    /** How long past a test's limit the grader waits for the runner's own watchdog. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long {@link Session#load()} waits for a JVM to find its tests before giving up waiting. */
    private static final long READY_MILLIS = 20_000;
    /** How many times one exercise's run starts a fresh JVM after one died during a test. */
    static final int MAX_RESTARTS_AFTER_DEATH = 3;

    private final JvmOptions options;

    ChildJvmRunner(JvmOptions options) {
        this.options = options;
    }

    /** True when the runner, JUnit and the suites start as named modules, out of the learner's reach. */
    @Override
    public boolean encapsulatesJvm() {
        return RunnerPath.of(options.runnerClasspath()).modular();
    }

    @Override
    public Prepared prepare(RunSpec spec) {
        return new Session(spec, List.of());
    }

    @Override
    public Prepared prepareAhead(RunSpec spec) {
        return new Session(spec, ChildProcess.WARM_UP);
    }

    /** The mutable state of one exercise's run; confined to the calling thread. */
    private final class Session implements Prepared {
        private final RunSpec spec;
        private final Map<String, RunSpec.TestSpec> remaining = new LinkedHashMap<>();
        private final Map<String, Long> limits = new java.util.HashMap<>();
        private final Map<String, TestRun> done = new LinkedHashMap<>();
        private final Map<String, Event.Failure> failedContainers = new LinkedHashMap<>();
        private long exerciseDeadline;
        private long jvmStartNanos;
        private int jvmStarts;
        private int deaths;
        private ChildProcess first;
        private IOException firstFailure;
        private RunListener listener = RunListener.NONE;
        /** The test the listener heard start and not yet end. */
        private String announced;

        Session(RunSpec spec, List<String> firstJvmArguments) {
            this.spec = spec;
            spec.tests().forEach(t -> remaining.put(t.uniqueId(), t));
            spec.tests().forEach(t -> limits.put(t.uniqueId(), t.limit().toMillis()));
            try {
                first = ChildProcess.spawn(options, spec, firstJvmArguments);
            } catch (IOException e) {
                firstFailure = e;
            }
        }

        @Override
        public void load() {
            if (first != null && !first.requested()) {
                first.send(request());
                try {
                    first.awaitReady(READY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private RunRequest request() {
            return new RunRequest(remaining.values().stream()
                    .map(t -> new RunRequest.TestToRun(t.uniqueId(), t.limit().toMillis()))
                    .toList(), options.outputCapBytes(), spec.learnerPackage());
        }

        @Override
        public boolean usable() {
            return first != null && first.alive();
        }

        @Override
        public void close() {
            if (first != null) {
                first.close();
                first = null;
            }
        }

        @Override
        public RunResult run(RunListener listener) {
            this.listener = listener;
            exerciseDeadline = System.nanoTime() + spec.exerciseLimit().toNanos();
            try {
                while (!remaining.isEmpty()) {
                    Optional<RunResult> finished = runOneJvm();
                    if (finished.isPresent()) {
                        return finished.get();
                    }
                }
                return completed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandon(RunResult.Completion.CRASHED, new Stop.Interrupted());
            }
        }

        /** Runs the remaining tests in one JVM; a result when the run is over, empty to start another JVM. */
        private Optional<RunResult> runOneJvm() throws InterruptedException {
            ChildProcess child;
            try {
                child = takeFirstOrSpawn();
            } catch (IOException e) {
                return Optional.of(abandon(RunResult.Completion.CRASHED, new Stop.NotStarted(String.valueOf(e.getMessage()))));
            }
            if (!child.requested()) {
                child.send(request());
            }
            child.go();
            jvmStarts++;
            try (child) {
                return follow(child);
            }
        }

        private ChildProcess takeFirstOrSpawn() throws IOException {
            if (firstFailure != null) {
                IOException failure = firstFailure;
                firstFailure = null;
                throw failure;
            }
            ChildProcess child = first != null ? first : ChildProcess.spawn(options, spec);
            first = null;
            return child;
        }

        private Optional<RunResult> follow(ChildProcess child) throws InterruptedException {
            String current = null;
            long currentDeadline = Long.MAX_VALUE;
            boolean first = true;
            while (true) {
                long now = System.nanoTime();
                if (now - exerciseDeadline >= 0) {
                    Stop limit = new Stop.ExerciseLimit(spec.exerciseLimit());
                    if (current != null) {
                        finish(TestRun.stopped(current, TestRun.Ending.TIMED_OUT, limit, limitOf(current)));
                    }
                    return Optional.of(abandon(RunResult.Completion.TIMED_OUT, limit));
                }
                if (current != null && now - currentDeadline >= 0) {
                    finish(TestRun.stopped(current, TestRun.Ending.TIMED_OUT, new Stop.Unanswered(), limitOf(current)));
                    return Optional.empty();
                }
                Item item = child.poll(Math.min(exerciseDeadline, currentDeadline) - now);
                if (item == null) {
                    continue;
                }
                if (first) {
                    jvmStartNanos += System.nanoTime() - child.startedNanos();
                    first = false;
                }
                switch (item) {
                    case Item.Got(Event.Ready ready) -> {
                        // A JVM started after a timeout reports its tests found; nothing to do.
                    }
                    case Item.Got(Event.Started started) -> {
                        if (remaining.containsKey(started.uniqueId())) {
                            current = started.uniqueId();
                            currentDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitOf(current)) + GRACE_NANOS;
                            announced = current;
                            listener.testStarted(remaining.get(current));
                        }
                    }
                    case Item.Got(Event.Finished finished) -> {
                        if (remaining.containsKey(finished.uniqueId())) {
                            finish(new TestRun(finished.uniqueId(), ending(finished.outcome()), finished.failure(), "", Optional.empty(),
                                    finished.output(), finished.durationMs(), limitOf(finished.uniqueId())));
                            current = null;
                            currentDeadline = Long.MAX_VALUE;
                        } else if (finished.outcome() == Event.Outcome.FAILED && finished.failure().isPresent()) {
                            failedContainers.put(finished.uniqueId(), finished.failure().get());
                        }
                    }
                    case Item.Got(Event.TimedOut timedOut) -> {
                        if (remaining.containsKey(timedOut.uniqueId())) {
                            finish(new TestRun(timedOut.uniqueId(), TestRun.Ending.TIMED_OUT, Optional.empty(),
                                    timedOut.threadDump(), Optional.empty(), timedOut.output(), timedOut.limitMillis(),
                                    timedOut.limitMillis()));
                        }
                        child.awaitExit(2_000);
                        return Optional.empty();
                    }
                    case Item.Got(Event.End end) -> {
                        settleUnreported();
                        return Optional.of(completed());
                    }
                    case Item.Closed closed -> {
                        return died(child, current, closed.error());
                    }
                }
            }
        }

        /**
         * The JVM's event stream ended without its closing event. A JVM that died during a test costs
         * that test, and a fresh JVM runs the rest (empty), up to the bound on restarts; a stream that
         * was tampered with, or a death between tests, ends the run.
         */
        private Optional<RunResult> died(ChildProcess child, String current, Optional<ChannelError> channelError)
                throws InterruptedException {
            int exitCode = child.awaitExit(2_000);
            String stderr = child.stderr();
            if (channelError.isPresent()) {
                Stop broken = new Stop.BrokenChannel(channelError.get(), stderr);
                if (current != null) {
                    finish(TestRun.stopped(current, TestRun.Ending.JVM_DIED, broken, limitOf(current)));
                }
                return Optional.of(abandon(RunResult.Completion.CRASHED, broken));
            }
            Stop.Ended ended = JvmExit.read(exitCode, stderr, options.maxHeapMb());
            if (current == null) {
                return Optional.of(abandon(RunResult.Completion.CRASHED, ended));
            }
            TestRun.Ending ending = ended instanceof Stop.OutOfMemory ? TestRun.Ending.OUT_OF_MEMORY : TestRun.Ending.JVM_DIED;
            finish(TestRun.stopped(current, ending, ended, limitOf(current)));
            deaths++;
            if (deaths > MAX_RESTARTS_AFTER_DEATH && !remaining.isEmpty()) {
                return Optional.of(abandon(RunResult.Completion.CRASHED,
                        new Stop.TooManyDeaths(deaths, MAX_RESTARTS_AFTER_DEATH, remaining.size())));
            }
            return Optional.empty();
        }

        /** After a clean end: tests under a failed container carry its failure; any other is not run. */
        private void settleUnreported() {
            for (String id : List.copyOf(remaining.keySet())) {
                Optional<Event.Failure> container = failedContainers.entrySet().stream()
                        .filter(e -> id.startsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst();
                finish(container
                        .map(f -> new TestRun(id, TestRun.Ending.FAILED, Optional.of(f), "", Optional.empty(), Event.Output.NONE, 0,
                                limitOf(id)))
                        .orElseGet(() -> TestRun.stopped(id, TestRun.Ending.NOT_RUN, new Stop.Unreported(), limitOf(id))));
            }
        }

        /** Ends the run because of {@code stop}: every test that has not run is not run for that reason. */
        private RunResult abandon(RunResult.Completion completion, Stop stop) {
            for (String id : List.copyOf(remaining.keySet())) {
                finish(TestRun.stopped(id, TestRun.Ending.NOT_RUN, stop, limitOf(id)));
            }
            return result(completion, Optional.of(stop));
        }

        private RunResult completed() {
            return result(RunResult.Completion.COMPLETED, Optional.empty());
        }

        private void finish(TestRun run) {
            remaining.remove(run.uniqueId());
            done.put(run.uniqueId(), run);
            if (run.uniqueId().equals(announced)) {
                announced = null;
                listener.testFinished(run.uniqueId());
            }
        }

        private long limitOf(String id) {
            return limits.getOrDefault(id, 0L);
        }

        private RunResult result(RunResult.Completion completion, Optional<Stop> stop) {
            List<TestRun> ordered = spec.tests().stream().map(t -> done.get(t.uniqueId())).toList();
            return new RunResult(ordered, completion, stop, jvmStartNanos / 1_000_000, jvmStarts);
        }
    }

    private static TestRun.Ending ending(Event.Outcome outcome) {
        return switch (outcome) {
            case SUCCESSFUL -> TestRun.Ending.SUCCESSFUL;
            case FAILED -> TestRun.Ending.FAILED;
            case ABORTED -> TestRun.Ending.ABORTED;
            case SKIPPED -> TestRun.Ending.SKIPPED;
        };
    }
}

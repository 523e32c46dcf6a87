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
        return new Session(spec);
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

        Session(RunSpec spec) {
            this.spec = spec;
            spec.tests().forEach(t -> remaining.put(t.uniqueId(), t));
            spec.tests().forEach(t -> limits.put(t.uniqueId(), t.limit().toMillis()));
            try {
                first = ChildProcess.spawn(options, spec);
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
                    .toList(), options.outputCapBytes());
        }

        @Override
        public void close() {
            if (first != null) {
                first.close();
                first = null;
            }
        }

        @Override
        public RunResult run() {
            exerciseDeadline = System.nanoTime() + spec.exerciseLimit().toNanos();
            try {
                while (!remaining.isEmpty()) {
                    Optional<RunResult> finished = runOneJvm();
                    if (finished.isPresent()) {
                        return finished.get();
                    }
                }
                return result(RunResult.Completion.COMPLETED, "");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abandon(RunResult.Completion.CRASHED, "grading was interrupted");
            }
        }

        /** Runs the remaining tests in one JVM; a result when the run is over, empty to start another JVM. */
        private Optional<RunResult> runOneJvm() throws InterruptedException {
            ChildProcess child;
            try {
                child = takeFirstOrSpawn();
            } catch (IOException e) {
                return Optional.of(abandon(RunResult.Completion.CRASHED, "could not start the test JVM: " + e.getMessage()));
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
                    if (current != null) {
                        finish(TestRun.without(current, TestRun.Ending.TIMED_OUT,
                                "the exercise's overall time limit ran out during this test", limitOf(current)));
                    }
                    return Optional.of(abandon(RunResult.Completion.TIMED_OUT, "the exercise took longer than its limit of "
                            + spec.exerciseLimit().toSeconds() + " s; the tests that had not finished earn nothing"));
                }
                if (current != null && now - currentDeadline >= 0) {
                    finish(TestRun.without(current, TestRun.Ending.TIMED_OUT,
                            "the test JVM stopped answering, so it was killed", limitOf(current)));
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
                        }
                    }
                    case Item.Got(Event.Finished finished) -> {
                        if (remaining.containsKey(finished.uniqueId())) {
                            finish(new TestRun(finished.uniqueId(), ending(finished.outcome()), finished.failure(), "", "",
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
                                    timedOut.threadDump(), "", timedOut.output(), timedOut.limitMillis(), timedOut.limitMillis()));
                        }
                        child.awaitExit(2_000);
                        return Optional.empty();
                    }
                    case Item.Got(Event.End end) -> {
                        settleUnreported();
                        return Optional.of(result(RunResult.Completion.COMPLETED, ""));
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
        private Optional<RunResult> died(ChildProcess child, String current, Optional<ChildProcess.StreamError> protocolError)
                throws InterruptedException {
            JvmExit exit = JvmExit.of(child.awaitExit(2_000), child.stderr());
            if (protocolError.isPresent()) {
                ChildProcess.StreamError e = protocolError.get();
                String why = switch (e.kind()) {
                    case TAMPERED -> "something other than the test runner wrote to the grader's channel (" + e.message()
                            + "), so nothing after that point can be trusted";
                    case UNREADABLE -> "the test JVM sent something the grader could not read (" + e.message() + ")";
                };
                String detail = exit.stderr().isEmpty() ? why : why + "; it printed:\n" + exit.stderr();
                if (current != null) {
                    finish(TestRun.without(current, TestRun.Ending.JVM_DIED, detail, limitOf(current)));
                }
                return Optional.of(abandon(RunResult.Completion.CRASHED, detail));
            }
            if (current == null) {
                return Optional.of(abandon(RunResult.Completion.CRASHED,
                        exit.describe("before it had run every test", options.maxHeapMb())));
            }
            finish(exit.outOfMemory()
                    .map(reason -> TestRun.without(current, TestRun.Ending.OUT_OF_MEMORY, reason, limitOf(current)))
                    .orElseGet(() -> TestRun.without(current, TestRun.Ending.JVM_DIED,
                            exit.describe("during this test", options.maxHeapMb()), limitOf(current))));
            deaths++;
            if (deaths > MAX_RESTARTS_AFTER_DEATH && !remaining.isEmpty()) {
                return Optional.of(abandon(RunResult.Completion.CRASHED, "the test JVM died during " + deaths
                        + " tests, and the grader starts a fresh one at most " + MAX_RESTARTS_AFTER_DEATH
                        + " times per exercise, so " + (remaining.size() == 1 ? "the test that had not run earns nothing"
                                : "the " + remaining.size() + " tests that had not run earn nothing")));
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
                        .map(f -> new TestRun(id, TestRun.Ending.FAILED, Optional.of(f), "", "", Event.Output.NONE, 0, limitOf(id)))
                        .orElseGet(() -> TestRun.without(id, TestRun.Ending.NOT_RUN, "the runner did not report this test", limitOf(id))));
            }
        }

        private RunResult abandon(RunResult.Completion completion, String problem) {
            for (String id : List.copyOf(remaining.keySet())) {
                finish(TestRun.without(id, TestRun.Ending.NOT_RUN, problem, limitOf(id)));
            }
            return result(completion, problem);
        }

        private void finish(TestRun run) {
            remaining.remove(run.uniqueId());
            done.put(run.uniqueId(), run);
        }

        private long limitOf(String id) {
            return limits.getOrDefault(id, 0L);
        }

        private RunResult result(RunResult.Completion completion, String problem) {
            List<TestRun> ordered = spec.tests().stream().map(t -> done.get(t.uniqueId())).toList();
            return new RunResult(ordered, completion, problem, jvmStartNanos / 1_000_000, jvmStarts, options.maxHeapMb());
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

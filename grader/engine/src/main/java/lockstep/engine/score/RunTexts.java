package lockstep.engine.score;

import java.util.Locale;
import lockstep.engine.run.ChannelError;
import lockstep.engine.run.Stop;
import lockstep.engine.run.TestRun;

/**
 * The learner's words for what ended a test, or a whole run, other than the runner's own report:
 * timeouts, a test JVM that died or ran out of memory, a channel that could not be trusted, tests
 * that never ran.
 *
 * <p>The run stage reports these as {@link Stop} values; they are put into words here, beside the
 * other verdict texts, so that every sentence a learner reads about their code is written in one stage.
 */
final class RunTexts {
    private RunTexts() {}

    /** When a stop came, which decides how some of them are said. */
    private enum When {
        /** While one test ran: that test's message. */
        DURING_TEST,
        /** Between tests, or for the run as a whole: the exercise's message and the tests that never ran. */
        BEFORE_THE_END
    }

    /** Why a run ended before every test reported, as the exercise's message: one sentence. */
    static String run(Stop stop) {
        return capitalize(phrase(stop, When.BEFORE_THE_END)) + ".";
    }

    /**
     * The message of a test the runner could not report itself.
     *
     * @param run a test that ended {@link TestRun.Ending#TIMED_OUT}, {@link TestRun.Ending#JVM_DIED},
     *     {@link TestRun.Ending#OUT_OF_MEMORY} or {@link TestRun.Ending#NOT_RUN}
     */
    static String test(TestRun run) {
        return switch (run.ending()) {
            case TIMED_OUT -> timedOut(run);
            case JVM_DIED, OUT_OF_MEMORY -> died(run.stop().orElseThrow());
            case NOT_RUN -> "Not run: " + phrase(run.stop().orElseThrow(), When.BEFORE_THE_END) + ".";
            case SUCCESSFUL, FAILED, ABORTED, SKIPPED -> throw new IllegalArgumentException("the runner reported " + run);
        };
    }

    private static String timedOut(TestRun run) {
        StringBuilder text = new StringBuilder("Timed out after ").append(seconds(run.limitMillis())).append(" s: ")
                .append(run.stop().map(stop -> phrase(stop, When.DURING_TEST))
                        .orElse("your code was still running (a deadlock, a lost wake-up, or a wait that never ends?)"))
                .append('.');
        if (!run.threadDump().isBlank()) {
            text.append("\nWhere the test's threads were").append(run.threadDump().contains("\n  > at ") ? " (> marks your code)" : "")
                    .append(":\n").append(run.threadDump().stripTrailing());
        }
        return text.toString();
    }

    private static String died(Stop stop) {
        return switch (stop) {
            case Stop.OutOfMemory oom -> "Out of memory: your code used up the test JVM's memory during this test (its heap"
                    + " is limited to " + oom.heapLimitMb() + " MiB), so the JVM stopped (java.lang.OutOfMemoryError: "
                    + oom.reason() + "). Look for a loop that keeps allocating, or a collection that only grows.";
            default -> capitalize(phrase(stop, When.DURING_TEST));
        };
    }

    /** What happened, in plain words, as a clause without a capital or a full stop. */
    private static String phrase(Stop stop, When when) {
        String moment = when == When.DURING_TEST ? "during this test" : "before it had run every test";
        return switch (stop) {
            case Stop.Interrupted i -> "grading was interrupted";
            case Stop.NotStarted(var error) -> "could not start the test JVM: " + error;
            case Stop.ExerciseLimit(var limit) -> when == When.DURING_TEST
                    ? "the exercise's overall time limit ran out during this test"
                    : "the exercise took longer than its limit of " + limit.toSeconds()
                            + " s; the tests that had not finished earn nothing";
            case Stop.Unanswered u -> "the test JVM stopped answering, so it was killed";
            case Stop.BrokenChannel(var error, var stderr) -> channel(error) + printed(stderr);
            case Stop.Exited(var exitCode, var stderr) -> "the test JVM stopped"
                    + (exitCode == Stop.Exited.STILL_RUNNING ? "" : " with exit code " + exitCode) + " " + moment + printed(stderr);
            case Stop.OutOfMemory(var reason, var heapLimitMb) -> "the test JVM ran out of memory (java.lang.OutOfMemoryError: "
                    + reason + "; its heap is limited to " + heapLimitMb + " MiB) " + moment;
            case Stop.TooManyDeaths(var deaths, var maxRestarts, var notRun) -> "the test JVM died during " + deaths
                    + " tests, and the grader starts a fresh one at most " + maxRestarts + " times per exercise, so "
                    + (notRun == 1 ? "the test that had not run earns nothing" : "the " + notRun + " tests that had not run earn nothing");
            case Stop.Unreported u -> "the runner did not report this test";
        };
    }

    private static String channel(ChannelError error) {
        return switch (error.kind()) {
            case TAMPERED -> "something other than the test runner wrote to the grader's channel (" + error.message()
                    + "), so nothing after that point can be trusted";
            case UNREADABLE -> "the test JVM sent something the grader could not read (" + error.message() + ")";
        };
    }

    /** What the JVM printed on standard error, after the clause it explains; nothing when it printed nothing. */
    private static String printed(String stderr) {
        return stderr.isEmpty() ? "" : "; it printed:\n" + stderr;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package lockstep.verify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.TestStatus;

/**
 * How one subject fared over its runs: the verdict of every test in each run, and what was wrong
 * in each run (nothing, for a pass), and how long each run took.
 *
 * @param verdicts per run, each test's status by test id
 * @param problems per run, what was wrong; an empty list when the run earned what it must
 * @param millis per run, how long grading the subject's exercise took (compile, JVM and tests)
 * @param first the first run's result for the subject's exercise, as the learner would read it; empty when it was not graded
 */
public record Outcome(Subject subject, List<Map<String, TestStatus>> verdicts, List<List<String>> problems, List<Long> millis,
        Optional<ExerciseResult> first) {
    public Outcome {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        verdicts = verdicts.stream().map(Map::copyOf).toList();
        problems = problems.stream().map(List::copyOf).toList();
        millis = List.copyOf(millis);
        if (verdicts.size() != problems.size() || millis.size() != problems.size()) {
            throw new IllegalArgumentException("one verdict, one list of problems and one duration per run");
        }
    }

    /** The longest run, in milliseconds; 0 without runs. */
    public long slowestMs() {
        return millis.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** How many runs earned what the subject must. */
    public long passedRuns() {
        return problems.stream().filter(List::isEmpty).count();
    }

    /** Whether some test's verdict differed between runs. */
    public boolean flaky() {
        return verdicts.stream().distinct().count() > 1;
    }

    /** Every run earned what it must, and every run gave every test the same verdict. */
    public boolean ok() {
        return passedRuns() == problems.size() && !flaky();
    }

    /** In words: what went wrong, by run, and which tests' verdicts differed between runs. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        for (int run = 0; run < problems.size(); run++) {
            if (!problems.get(run).isEmpty()) {
                text.append("run ").append(run + 1).append(": ").append(String.join("; ", problems.get(run))).append('\n');
            }
        }
        if (flaky()) {
            Map<String, TestStatus> first = verdicts.get(0);
            for (String test : new java.util.TreeSet<>(first.keySet())) {
                List<TestStatus> byRun = verdicts.stream().map(v -> v.get(test)).toList();
                if (byRun.stream().distinct().count() > 1) {
                    text.append("flaky: ").append(test).append(" was ")
                            .append(String.join(", ", byRun.stream().map(s -> s == null ? "absent" : s.json()).toList()))
                            .append(" in runs 1 to ").append(byRun.size()).append('\n');
                }
            }
        }
        return text.toString().strip();
    }

    /** The outcome as {@code ./grade verify --json} writes it: plain values, one row of the table. */
    public Row row() {
        return new Row(subject.label(), subject.exercise(), problems.size(), passedRuns(), flaky(), ok(), explanation(), slowestMs());
    }

    /**
     * One subject's line of {@code ./grade verify --json}.
     *
     * @param subject the subject's label, {@code <exercise>/<kind>[/<name>]}
     * @param runs how many times it was graded
     * @param passedRuns how many of those runs earned what it must
     * @param explanation what went wrong, by run, and which tests' verdicts differed; empty when ok
     * @param slowestMs the longest run, in milliseconds: where the verification's time goes
     */
    public record Row(String subject, String exercise, int runs, long passedRuns, boolean flaky, boolean ok, String explanation,
            long slowestMs) {}
}

package lockstep.batch.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.Summary;
import lockstep.batch.output.Verdict;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestProblem;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * What the class report shows, computed from the batch's {@link Summary} (scores, verdicts) and
 * each graded student's native results (tests and their messages), so that its numbers are the
 * summary's own: the score distributions, each exercise's statuses, the tests most students fail
 * with their messages grouped, and the submissions that need an instructor's look.
 *
 * @param overall how many students scored in each {@link #BINS bin} of the total
 * @param exercises per exercise id, the same over that exercise's points
 * @param statuses per exercise id, how many graded students' exercises ended in each status
 * @param failing the tests most students fail, most first
 * @param flags what the grader could not grade or what tripped containment, by student
 * @param unscored how many students have no score (the grader failed on them): in no distribution
 * @param unreadableResults students marked graded whose results could not be read
 */
record Findings(Histogram overall, Map<String, Histogram> exercises, Map<String, Map<ExerciseStatus, Integer>> statuses,
        List<FailingTest> failing, List<Flag> flags, int unscored, List<String> unreadableResults) {
    /** The bins of every distribution, by percent of the points: exactly 0, under 10, 10 to under 20, ..., exactly 100. */
    static final List<String> BINS = List.of("0", "<10", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100");
    /** How many failing tests the report lists, and how many messages of each. */
    static final int MOST_TESTS = 12;
    static final int MOST_MESSAGES = 5;

    /** How many students fall in each bin, in the order of {@link #BINS}. */
    record Histogram(List<Integer> counts) {
        Histogram {
            counts = List.copyOf(counts);
        }

        int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A test some students fail.
     *
     * @param students how many students it failed for (failed, errored or timed out)
     * @param ran how many students' suites of its exercise ran at all
     * @param messages its failure messages, grouped (by their first line, digits aside), most frequent first
     * @param otherMessages how many more groups there are than {@code messages} lists
     */
    record FailingTest(String exercise, String id, String name, int students, int ran, List<MessageGroup> messages,
            int otherMessages) {}

    /** One failure message and how many students got it (or one like it, but for its numbers). */
    record MessageGroup(String message, int students) {}

    /**
     * One thing about one student that needs a look.
     *
     * @param kind what happened: {@code unreadable}, {@code grader failed}, {@code rejected}, {@code crashed},
     *     {@code time limit}, {@code exit}, {@code out of memory}, {@code forgery}, {@code garbled channel}
     * @param exercise the exercise it happened in; null for the submission as a whole
     * @param detail the grader's words for it (learner text may be part of them)
     */
    record Flag(String student, String kind, String exercise, String detail) {}

    /** The percent bin of {@code percent}: 0 for nothing, the last for full marks. */
    static int bin(double percent) {
        if (!(percent > 0)) {
            return 0;
        }
        return percent >= 100 ? BINS.size() - 1 : 1 + (int) Math.floor(percent / 10);
    }

    /**
     * @param results a graded student's native results, by id; empty when they cannot be read
     */
    static Findings of(Summary summary, Function<String, Optional<GradeReport>> results) {
        int[] overall = new int[BINS.size()];
        Map<String, int[]> perExercise = new LinkedHashMap<>();
        Map<String, Map<ExerciseStatus, Integer>> statuses = new LinkedHashMap<>();
        for (ExerciseColumn e : summary.exercises()) {
            perExercise.put(e.id(), new int[BINS.size()]);
            statuses.put(e.id(), new EnumMap<>(ExerciseStatus.class));
        }
        Map<String, Integer> ran = new LinkedHashMap<>();
        Map<String, TestTally> tallies = new LinkedHashMap<>();
        Set<Flag> flags = new LinkedHashSet<>();
        int unscored = 0;
        List<String> unreadableResults = new ArrayList<>();
        for (Summary.Row row : summary.students()) {
            if (row.percent() == null) {
                unscored++;
            } else {
                overall[bin(row.percent())]++;
                for (ExerciseColumn e : summary.exercises()) {
                    double points = row.exercises().getOrDefault(e.id(), 0.0);
                    perExercise.get(e.id())[bin(e.maxScore() > 0 ? points * 100 / e.maxScore() : 0)]++;
                }
            }
            switch (row.status()) {
                case UNREADABLE -> flags.add(new Flag(row.id(), "unreadable", null, row.reason()));
                case FAILED -> flags.add(new Flag(row.id(), "grader failed", null, row.reason()));
                case NO_SUBMISSION -> { }
                case GRADED -> {
                    Optional<GradeReport> report = results.apply(row.id());
                    if (report.isEmpty()) {
                        unreadableResults.add(row.id());
                        continue;
                    }
                    for (ExerciseResult exercise : report.get().exercises()) {
                        statuses.computeIfAbsent(exercise.id(), k -> new EnumMap<>(ExerciseStatus.class))
                                .merge(exercise.status(), 1, Integer::sum);
                        if (exercise.status() == ExerciseStatus.GRADED || exercise.status() == ExerciseStatus.CRASHED
                                || exercise.status() == ExerciseStatus.TIMED_OUT) {
                            ran.merge(exercise.id(), 1, Integer::sum);
                        }
                        flag(row.id(), exercise, OlderResults.untyped(report.get().schemaVersion()), flags);
                        for (TestResult test : exercise.tests()) {
                            if (test.status() == TestStatus.FAILED || test.status() == TestStatus.ERRORED
                                    || test.status() == TestStatus.TIMED_OUT) {
                                tallies.computeIfAbsent(exercise.id() + "\u0000" + test.id(),
                                        k -> new TestTally(exercise.id(), test.id(), test.name())).add(test.message());
                            }
                        }
                    }
                }
            }
        }
        Map<String, Histogram> exercises = new LinkedHashMap<>();
        perExercise.forEach((id, counts) -> exercises.put(id, histogram(counts)));
        List<String> order = summary.exercises().stream().map(ExerciseColumn::id).toList();
        List<FailingTest> failing = tallies.values().stream()
                .sorted(Comparator.comparingInt((TestTally t) -> -t.students)
                        .thenComparingInt(t -> order.indexOf(t.exercise))
                        .thenComparing(t -> t.id))
                .limit(MOST_TESTS)
                .map(t -> t.toFailingTest(ran.getOrDefault(t.exercise, 0)))
                .toList();
        return new Findings(histogram(overall), exercises, statuses, failing, List.copyOf(flags), unscored, unreadableResults);
    }

    private static Histogram histogram(int[] counts) {
        return new Histogram(java.util.Arrays.stream(counts).boxed().toList());
    }

    /**
     * What in one exercise's results tripped containment or stopped its suite: the exercise's status,
     * and each test's {@link TestResult#problem() problem}.
     *
     * @param untyped whether the results predate the problem field (schema 1.5 and older): their
     *     problems are then read from the messages, by {@link OlderResults}
     */
    private static void flag(String student, ExerciseResult exercise, boolean untyped, Set<Flag> flags) {
        String kind = switch (exercise.status()) {
            case REJECTED -> "rejected";
            case CRASHED -> "crashed";
            case TIMED_OUT -> "time limit";
            case GRADED, COMPILE_ERROR, MISSING -> null;
        };
        if (kind != null) {
            flags.add(new Flag(student, kind, exercise.id(), firstLine(exercise.message())));
        }
        for (TestResult test : exercise.tests()) {
            TestProblem problem = untyped ? OlderResults.problem(test).orElse(null) : test.problem();
            String testKind = problem == null ? null : switch (problem) {
                case JVM_EXITED -> "exit";
                case OUT_OF_MEMORY -> "out of memory";
                case CHANNEL_TAMPERED -> "forgery";
                case CHANNEL_UNREADABLE -> "garbled channel";
                case ASSERTION, EXCEPTION, NOT_IMPLEMENTED, CONTRACT, ABORTED, TIMED_OUT, EXERCISE_TIME_LIMIT, SKIPPED, NOT_RUN -> null;
            };
            if (testKind != null) {
                flags.add(new Flag(student, testKind, exercise.id(), firstLine(test.message())));
            }
        }
    }

    /** The first line of a message, capped, as the report shows it. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The students who failed one test, and their messages grouped. */
    private static final class TestTally {
        private final String exercise;
        private final String id;
        private final String name;
        private int students;
        private final Map<String, String> examples = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        TestTally(String exercise, String id, String name) {
            this.exercise = exercise;
            this.id = id;
            this.name = name;
        }

        void add(String message) {
            students++;
            String line = firstLine(message);
            String key = line.replaceAll("\\d+", "#");
            examples.putIfAbsent(key, line);
            counts.merge(key, 1, Integer::sum);
        }

        FailingTest toFailingTest(int ran) {
            List<MessageGroup> groups = counts.entrySet().stream()
                    .map(e -> new MessageGroup(examples.get(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparingInt((MessageGroup g) -> -g.students()).thenComparing(MessageGroup::message))
                    .toList();
            return new FailingTest(exercise, id, name, students, Math.max(ran, students),
                    groups.stream().limit(MOST_MESSAGES).toList(), Math.max(0, groups.size() - MOST_MESSAGES));
        }
    }
}

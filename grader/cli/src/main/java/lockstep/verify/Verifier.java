package lockstep.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import lockstep.engine.GradeRequest;
import lockstep.engine.Grader;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.GradeReport;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * Grades the subjects of a {@link Verification} and tells how each fared. Subjects of different
 * exercises share a grading (the k-th subject of every exercise in round k), since every exercise
 * runs in its own test JVM: the gradings are as many as the longest exercise's list of subjects,
 * not as many as the subjects, and each exercise is compiled and its JVM started while the one
 * before runs its tests, as in any grading. With more than one job, that many gradings run at
 * once, as {@code ./grade batch -j N} runs them: a course whose verdicts hold then also holds for a
 * batch on a machine that busy.
 */
public final class Verifier {
    private final Grader grader;
    private final CourseTree course;
    private final double slack;
    private final int jobs;

    /** A verifier that runs one grading at a time. */
    public Verifier(Grader grader, CourseTree course, double slack) {
        this(grader, course, slack, 1);
    }

    /** A verifier that runs up to {@code jobs} gradings at once. */
    public Verifier(Grader grader, CourseTree course, double slack, int jobs) {
        this.grader = Objects.requireNonNull(grader, "grader must not be null");
        this.course = Objects.requireNonNull(course, "course must not be null");
        this.slack = slack;
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
        this.jobs = jobs;
    }

    /**
     * Grades every subject {@code verification.repeat()} times, building the submissions under
     * {@code work}, and returns one outcome per subject in the verification's order.
     *
     * @param progress hears one line before each grading
     */
    public List<Outcome> verify(Verification verification, Path work, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<List<Subject>> rounds = rounds(verification.subjects());
        List<Path> submissions = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            submissions.add(course.submission(rounds.get(i), Files.createDirectories(work.resolve("round-" + (i + 1)))));
        }
        Map<Subject, List<Map<String, TestStatus>>> verdicts = new LinkedHashMap<>();
        Map<Subject, List<List<String>>> problems = new LinkedHashMap<>();
        Map<Subject, List<Long>> millis = new LinkedHashMap<>();
        Map<Subject, ExerciseResult> first = new LinkedHashMap<>();
        for (Subject subject : verification.subjects()) {
            verdicts.put(subject, new ArrayList<>());
            problems.put(subject, new ArrayList<>());
            millis.put(subject, new ArrayList<>());
        }
        Consumer<String> heard = line -> {
            synchronized (progress) {
                progress.accept(line);
            }
        };
        BusyCore busy = verification.load() ? BusyCore.start() : null;
        ExecutorService pool = Executors.newFixedThreadPool(jobs, Thread.ofPlatform().name("lockstep-verify-", 1).factory());
        try {
            for (int run = 1; run <= verification.repeat(); run++) {
                List<Future<GradeReport>> reports = new ArrayList<>();
                for (int i = 0; i < rounds.size(); i++) {
                    String line = "run " + run + " of " + verification.repeat() + ", grading " + (i + 1) + " of " + rounds.size()
                            + ": " + rounds.get(i).stream().map(Subject::label).collect(Collectors.joining(", "));
                    GradeRequest request = GradeRequest.builder(submissions.get(i))
                            .exercises(rounds.get(i).stream().map(Subject::exercise).toList()).slack(slack).build();
                    reports.add(pool.submit(() -> {
                        heard.accept(line);
                        return grader.grade(request);
                    }));
                }
                for (int i = 0; i < rounds.size(); i++) {
                    GradeReport report = finished(reports.get(i));
                    for (Subject subject : rounds.get(i)) {
                        ExerciseResult result = report.exercises().stream().filter(e -> e.id().equals(subject.exercise()))
                                .findFirst().orElse(null);
                        verdicts.get(subject).add(result == null ? Map.of() : result.tests().stream()
                                .collect(Collectors.toMap(TestResult::id, TestResult::status)));
                        problems.get(subject).add(result == null ? List.of("not graded") : subject.problems(result));
                        millis.get(subject).add(result == null ? 0L : result.timing().totalMs());
                        if (result != null) {
                            first.putIfAbsent(subject, result);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            if (busy != null) {
                busy.close();
            }
        }
        return verification.subjects().stream()
                .map(s -> new Outcome(s, verdicts.get(s), problems.get(s), millis.get(s), Optional.ofNullable(first.get(s)))).toList();
    }

    /** The grading's report, or what it threw. */
    private static GradeReport finished(Future<GradeReport> grading) throws IOException, InterruptedException {
        try {
            return grading.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Round k holds the k-th subject of each exercise, exercises in the order they first appear. */
    static List<List<Subject>> rounds(List<Subject> subjects) {
        Map<String, List<Subject>> byExercise = subjects.stream()
                .collect(Collectors.groupingBy(Subject::exercise, LinkedHashMap::new, Collectors.toList()));
        int count = byExercise.values().stream().mapToInt(List::size).max().orElse(0);
        List<List<Subject>> rounds = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int index = k;
            rounds.add(byExercise.values().stream().filter(list -> list.size() > index).map(list -> list.get(index)).toList());
        }
        return rounds;
    }
}

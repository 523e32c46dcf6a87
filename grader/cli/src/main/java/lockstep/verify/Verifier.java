package lockstep.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * before runs its tests, as in any grading.
 */
public final class Verifier {
    private final Grader grader;
    private final CourseTree course;
    private final double slack;

    public Verifier(Grader grader, CourseTree course, double slack) {
        this.grader = Objects.requireNonNull(grader, "grader must not be null");
        this.course = Objects.requireNonNull(course, "course must not be null");
        this.slack = slack;
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
        for (Subject subject : verification.subjects()) {
            verdicts.put(subject, new ArrayList<>());
            problems.put(subject, new ArrayList<>());
            millis.put(subject, new ArrayList<>());
        }
        BusyCore busy = verification.load() ? BusyCore.start() : null;
        try {
            for (int run = 1; run <= verification.repeat(); run++) {
                for (int i = 0; i < rounds.size(); i++) {
                    List<Subject> round = rounds.get(i);
                    progress.accept("run " + run + " of " + verification.repeat() + ", grading " + (i + 1) + " of " + rounds.size()
                            + ": " + round.stream().map(Subject::label).collect(Collectors.joining(", ")));
                    GradeReport report = grader.grade(GradeRequest.builder(submissions.get(i))
                            .exercises(round.stream().map(Subject::exercise).toList()).slack(slack).build());
                    for (Subject subject : round) {
                        ExerciseResult result = report.exercises().stream().filter(e -> e.id().equals(subject.exercise()))
                                .findFirst().orElse(null);
                        verdicts.get(subject).add(result == null ? Map.of() : result.tests().stream()
                                .collect(Collectors.toMap(TestResult::id, TestResult::status)));
                        problems.get(subject).add(result == null ? List.of("not graded") : subject.problems(result));
                        millis.get(subject).add(result == null ? 0L : result.timing().totalMs());
                    }
                }
            }
        } finally {
            if (busy != null) {
                busy.close();
            }
        }
        return verification.subjects().stream().map(s -> new Outcome(s, verdicts.get(s), problems.get(s), millis.get(s))).toList();
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

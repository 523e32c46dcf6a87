package lockstep.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import lockstep.batch.discover.Discovered;
import lockstep.batch.discover.Found;
import lockstep.batch.discover.Roster;
import lockstep.batch.discover.Student;
import lockstep.batch.html.ClassReport;
import lockstep.batch.output.AtomicFiles;
import lockstep.batch.output.ExerciseColumn;
import lockstep.batch.output.Gradebook;
import lockstep.batch.output.Shard;
import lockstep.batch.output.StudentFiles;
import lockstep.batch.output.StudentRecord;
import lockstep.batch.output.StudentReports;
import lockstep.batch.output.Summaries;
import lockstep.batch.output.Summary;
import lockstep.batch.output.Verdict;
import lockstep.engine.report.TextReport;
import lockstep.engine.result.ExerciseResult;

/**
 * Grades a whole download: plans what this run grades ({@link Planner}), grades it several at a
 * time with a {@link Grading}, writes each student's files as each submission finishes, and at
 * the end {@code summary.json}, {@code gradebook.csv} and {@code report.html} over everyone (or
 * over the batch's {@link Shard} of the class). Killed at any moment and
 * started again, it grades only what has no result yet: nothing it wrote is ever half written,
 * and a student's record is written after their results.
 *
 * <p>Everything goes under {@code out}: {@code students/<id>/}, the summary and the gradebook,
 * and {@code .work/}, the folders of the gradings in progress, removed at the end.
 */
public final class Batch {
    /**
     * What the batch grades and how.
     *
     * @param exercises the exercises graded, all of them when none were named
     * @param jobs how many submissions are graded at a time
     * @param submissions the download's folder as the user gave it, for the summary
     * @param shard the share of the class to grade ({@code --shard I/N}); null for the whole class
     * @param reports the reports written into each student's folder besides the results and feedback
     */
    public record Settings(Path out, List<ExerciseColumn> exercises, int jobs, boolean retryFailed, String graderVersion,
            String submissions, Shard shard, StudentReports reports) {
        public Settings {
            exercises = List.copyOf(exercises);
            reports = reports == null ? StudentReports.NONE : reports;
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1");
            }
        }

        /** The settings of a batch over the whole class, with no extra reports. */
        public Settings(Path out, List<ExerciseColumn> exercises, int jobs, boolean retryFailed, String graderVersion,
                String submissions) {
            this(out, exercises, jobs, retryFailed, graderVersion, submissions, null, StudentReports.NONE);
        }
    }

    /**
     * How the run went.
     *
     * @param gradedNow how many submissions this run graded
     * @param kept how many students kept an earlier run's record
     * @param failed the students the grader failed on, this run or kept from before
     */
    public record Result(Summary summary, int gradedNow, int kept, List<String> failed) {}

    private final Settings settings;
    private final Grading grading;
    private final Progress progress;
    private final Clock clock;
    private final StudentFiles files;
    private final List<String> exerciseIds;

    public Batch(Settings settings, Grading grading, Progress progress, Clock clock) {
        this.settings = settings;
        this.grading = grading;
        this.progress = progress;
        this.clock = clock;
        this.files = new StudentFiles(settings.out(), settings.reports());
        this.exerciseIds = settings.exercises().stream().map(ExerciseColumn::id).toList();
    }

    /**
     * Grades what {@code discovered} holds and writes every output.
     *
     * @throws IOException when the batch cannot write its outputs
     * @throws InterruptedException when stopped; what was finished stays written
     */
    public Result run(Discovered discovered, Roster roster) throws IOException, InterruptedException {
        Path out = Files.createDirectories(settings.out());
        AtomicFiles.sweep(out);
        Path work = out.resolve(".work");
        deleteTree(work);
        Planner.Plan plan = Planner.plan(discovered.submissions(), files, exerciseIds, settings.retryFailed(), settings.shard());
        List<StudentRecord> records = Collections.synchronizedList(new ArrayList<>(plan.kept()));
        for (StudentRecord kept : plan.kept()) {
            files.completeReports(kept);
        }
        for (Found unreadable : plan.unreadable()) {
            records.addAll(write(unreadable, null, Outcome.unreadable(unreadable.problem(), 0)));
        }
        progress.start(plan.toGrade().size());
        ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(),
                r -> Thread.ofPlatform().name("lockstep-batch-", 0).daemon().unstarted(r));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("lockstep-progress").daemon().unstarted(r));
        ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<List<StudentRecord>>> running = new ArrayList<>();
            for (Job job : plan.toGrade()) {
                Path folder = work.resolve(Integer.toString(next.getAndIncrement()));
                running.add(pool.submit(() -> grade(job, folder)));
            }
            for (Future<List<StudentRecord>> one : running) {
                records.addAll(one.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException stopped) {
                throw stopped;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the batch failed", e.getCause());
        } finally {
            pool.shutdownNow();
            ticker.shutdownNow();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            progress.end();
        }
        Summary summary = Summaries.build(records, students(discovered), roster, new Summaries.Context(settings.graderVersion(),
                clock.instant(), settings.submissions(), discovered.layout().id(), settings.exercises(), discovered.skipped(),
                notes(discovered, roster), settings.shard()));
        Summaries.write(summary, out.resolve("summary.json"));
        Gradebook.write(summary, out.resolve("gradebook.csv"));
        ClassReport.write(summary, files, out.resolve(ClassReport.FILE));
        deleteTree(work);
        List<String> failed = records.stream().filter(r -> r.verdict() == Verdict.FAILED).map(StudentRecord::id).sorted().toList();
        return new Result(summary, plan.toGrade().size(), plan.kept().size(), failed);
    }

    /** Grades one submission in its own work folder and writes its students' files. */
    private List<StudentRecord> grade(Job job, Path work) throws IOException, InterruptedException {
        deleteTree(work);
        Files.createDirectories(work);
        Found found = job.found();
        Outcome outcome;
        try {
            Path submission = found.whole() != null ? found.whole() : gather(found, work.resolve("submission"));
            outcome = grading.grade(submission, work);
        } catch (IOException e) {
            outcome = Outcome.unreadable("its files cannot be read: " + e.getMessage(), 0);
        } catch (RuntimeException e) {
            outcome = Outcome.failed("the batch could not grade it: " + e, 0);
        }
        List<StudentRecord> written = write(found, job.contentHash(), outcome);
        progress.finished(describe(found, outcome), outcome.verdict() == Verdict.FAILED);
        deleteTree(work);
        return written;
    }

    /** Copies a gathered submission's files into one folder. */
    private static Path gather(Found found, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, Path> file : found.files().entrySet()) {
            Path target = folder.resolve(file.getKey().replace('/', '_').replace('\\', '_'));
            Files.copy(file.getValue(), target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
        return folder;
    }

    /** Writes the files of each of the submission's students. */
    private List<StudentRecord> write(Found found, String hash, Outcome outcome) throws IOException {
        double max = settings.exercises().stream().mapToDouble(ExerciseColumn::maxScore).sum();
        List<StudentRecord> written = new ArrayList<>();
        for (Student student : found.students()) {
            StudentRecord record;
            if (outcome.verdict() == Verdict.GRADED) {
                Map<String, Double> scores = new LinkedHashMap<>();
                for (ExerciseResult e : outcome.report().exercises()) {
                    scores.put(e.id(), e.score());
                }
                record = new StudentRecord(student.id(), found.key(), Verdict.GRADED, null, hash, exerciseIds,
                        outcome.report().score(), outcome.report().maxScore(), scores, settings.graderVersion(), clock.instant(),
                        outcome.durationMs());
                files.graded(record, outcome.report());
            } else {
                Map<String, Double> scores = new LinkedHashMap<>();
                if (outcome.verdict() == Verdict.UNREADABLE) {
                    exerciseIds.forEach(id -> scores.put(id, 0.0));
                }
                record = new StudentRecord(student.id(), found.key(), outcome.verdict(), outcome.reason(), hash, exerciseIds,
                        0, max, scores, settings.graderVersion(), clock.instant(), outcome.durationMs());
                files.notGraded(record);
            }
            written.add(record);
        }
        return written;
    }

    private static String describe(Found found, Outcome outcome) {
        String who = String.join(", ", found.students().stream().map(Student::id).toList());
        return switch (outcome.verdict()) {
            case GRADED -> who + ": " + TextReport.number(outcome.report().score()) + "/" + TextReport.number(outcome.report().maxScore());
            case UNREADABLE -> who + ": unreadable: " + outcome.reason();
            case FAILED -> who + ": the grader failed: " + outcome.reason();
            case NO_SUBMISSION -> who + ": no submission";
        };
    }

    private static Map<String, Student> students(Discovered discovered) {
        Map<String, Student> students = new LinkedHashMap<>();
        discovered.submissions().forEach(f -> f.students().forEach(s -> students.putIfAbsent(s.id(), s)));
        return students;
    }

    private static List<String> notes(Discovered discovered, Roster roster) {
        List<String> notes = new ArrayList<>(discovered.notes());
        notes.addAll(roster.notes());
        return notes;
    }

    /** Deletes one of the batch's own work folders; links inside are removed, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

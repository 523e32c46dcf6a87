package lockstep.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lockstep.batch.discover.Found;
import lockstep.batch.discover.Student;
import lockstep.batch.output.Shard;
import lockstep.batch.output.StudentFiles;
import lockstep.batch.output.StudentRecord;
import lockstep.batch.output.Verdict;

/**
 * Decides, before anything is graded, what this run does with each submission found: grade it
 * ({@link Resume} says whether an earlier run's record still holds), keep the earlier record, or
 * record it as unreadable without grading (nothing could be read, or several submissions claim
 * one student and the batch will not guess which counts).
 */
final class Planner {
    /**
     * @param toGrade the submissions to grade now
     * @param kept the records of earlier runs that still hold
     * @param unreadable the submissions recorded as unreadable without grading
     */
    record Plan(List<Job> toGrade, List<StudentRecord> kept, List<Found> unreadable) {}

    private Planner() {}

    /**
     * The plan: claims are counted over the whole download (so that
     * every shard sees the same duplicates), then only the shard's students are kept. A group
     * submission whose students fall in several shards is graded by each of them, each writing
     * its own students' files.
     *
     * @param shard the share of the class to grade; null for all of it
     */
    static Plan plan(List<Found> found, StudentFiles files, List<String> exercises, boolean retryFailed, Shard shard) {
        Map<String, List<Found>> claims = new LinkedHashMap<>();
        for (Found f : found) {
            for (Student s : f.students()) {
                claims.computeIfAbsent(s.id().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        List<Job> toGrade = new ArrayList<>();
        List<StudentRecord> kept = new ArrayList<>();
        List<Found> unreadable = new ArrayList<>();
        Map<String, Student> duplicates = new LinkedHashMap<>();
        for (Found f : found) {
            List<Student> own = new ArrayList<>();
            for (Student s : f.students()) {
                if (shard != null && !shard.holds(s.id())) {
                    continue;
                }
                if (claims.get(s.id().toLowerCase(Locale.ROOT)).size() > 1) {
                    duplicates.putIfAbsent(s.id().toLowerCase(Locale.ROOT), s);
                } else {
                    own.add(s);
                }
            }
            if (own.isEmpty()) {
                continue;
            }
            Found mine = own.size() == f.students().size() ? f : new Found(f.key(), own, f.whole(), f.files(), f.problem());
            if (mine.problem() != null) {
                unreadable.add(mine);
                continue;
            }
            String hash;
            try {
                hash = ContentHash.of(mine);
            } catch (IOException | RuntimeException e) {
                unreadable.add(mine.withProblem("its files cannot be read: " + e.getMessage()));
                continue;
            }
            List<StudentRecord> previous = new ArrayList<>();
            for (Student s : own) {
                previous.add(files.record(s.id())
                        .filter(r -> r.verdict() != Verdict.GRADED || files.hasResults(s.id()))
                        .orElse(null));
            }
            Resume.Decision decision = Resume.decide(previous, hash, exercises, retryFailed);
            if (decision.grade()) {
                toGrade.add(new Job(mine, hash, decision));
            } else {
                kept.addAll(previous);
            }
        }
        for (Map.Entry<String, Student> duplicate : duplicates.entrySet()) {
            List<String> keys = claims.get(duplicate.getKey()).stream().map(Found::key).toList();
            unreadable.add(Found.unreadable("several submissions", List.of(duplicate.getValue()),
                    "several submissions claim this student (" + String.join(", ", keys)
                            + "); keep the one that counts and grade again"));
        }
        return new Plan(toGrade, kept, unreadable);
    }
}

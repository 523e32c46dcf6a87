package lockstep.batch.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lockstep.batch.discover.Roster;
import lockstep.batch.discover.RosterEntry;
import lockstep.batch.discover.Skipped;
import lockstep.batch.discover.Student;

/**
 * Builds the {@link Summary} from the students' records: names and SIS ids from the roster (else
 * from the download), a row for everyone on the roster who submitted nothing, and the totals.
 */
public final class Summaries {
    private Summaries() {}

    /** What the summary says about the batch as a whole. */
    public record Context(String graderVersion, Instant now, String submissions, String layout,
            List<ExerciseColumn> exercises, List<Skipped> skipped, List<String> notes) {}

    /**
     * @param records one per student the download holds
     * @param students what the download says of each student, by id
     */
    public static Summary build(List<StudentRecord> records, Map<String, Student> students, Roster roster, Context context) {
        double max = context.exercises().stream().mapToDouble(ExerciseColumn::maxScore).sum();
        List<Summary.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StudentRecord record : records) {
            seen.add(record.id().toLowerCase(Locale.ROOT));
            Optional<RosterEntry> entry = roster.find(record.id());
            Student known = students.getOrDefault(record.id(), Student.of(record.id()));
            boolean failed = record.verdict() == Verdict.FAILED;
            rows.add(new Summary.Row(record.id(), entry.map(RosterEntry::name).orElse(known.name()),
                    entry.map(RosterEntry::email).orElse(known.email()), entry.map(RosterEntry::sisUserId).orElse(null),
                    entry.map(RosterEntry::sisLoginId).orElse(null), entry.map(RosterEntry::section).orElse(null),
                    entry.isPresent(), record.verdict(), record.reason(), failed ? null : record.score(), record.maxScore(),
                    failed ? null : Scores.percent(record.score(), record.maxScore()), failed ? Map.of() : record.exerciseScores(),
                    record.contentHash(), record.submission(), record.gradedAt(), record.durationMs()));
        }
        for (RosterEntry entry : roster.entries()) {
            if (seen.add(entry.id().toLowerCase(Locale.ROOT))) {
                Map<String, Double> zeros = new LinkedHashMap<>();
                context.exercises().forEach(e -> zeros.put(e.id(), 0.0));
                rows.add(new Summary.Row(entry.id(), entry.name(), entry.email(), entry.sisUserId(), entry.sisLoginId(),
                        entry.section(), true, Verdict.NO_SUBMISSION, "nothing of theirs is in the download", 0.0, max, 0.0,
                        zeros, null, null, null, 0));
            }
        }
        rows.sort(Comparator.comparing(Summary.Row::id));
        List<String> notes = new ArrayList<>(context.notes());
        rows.stream().filter(r -> !r.onRoster() && !roster.entries().isEmpty())
                .forEach(r -> notes.add(r.id() + " is not on the roster."));
        return new Summary(Summary.SCHEMA_VERSION, context.graderVersion(), context.now(), context.submissions(), context.layout(),
                context.exercises(), rows, totals(rows, max), context.skipped(), notes);
    }

    private static Summary.Totals totals(List<Summary.Row> rows, double max) {
        int[] counts = new int[Verdict.values().length];
        rows.forEach(r -> counts[r.status().ordinal()]++);
        List<Double> percents = rows.stream().map(Summary.Row::percent).filter(p -> p != null).toList();
        Double mean = percents.isEmpty() ? null
                : Scores.percent(percents.stream().mapToDouble(Double::doubleValue).sum(), percents.size() * 100.0);
        return new Summary.Totals(rows.size(), counts[Verdict.GRADED.ordinal()], counts[Verdict.UNREADABLE.ordinal()],
                counts[Verdict.FAILED.ordinal()], counts[Verdict.NO_SUBMISSION.ordinal()], max, mean);
    }

    /** Writes {@code summary.json} atomically. */
    public static void write(Summary summary, java.nio.file.Path file) throws java.io.IOException {
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(summary));
    }
}

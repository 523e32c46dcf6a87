package lockstep.batch.output;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
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

    /**
     * What the summary says about the batch as a whole.
     *
     * @param shard the share of the class graded; null for the whole class
     */
    public record Context(String graderVersion, Instant now, String submissions, String layout,
            List<ExerciseColumn> exercises, List<Skipped> skipped, List<String> notes, Shard shard) {}

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
            if ((context.shard() == null || context.shard().holds(entry.id())) && seen.add(entry.id().toLowerCase(Locale.ROOT))) {
                Map<String, Double> zeros = new LinkedHashMap<>();
                context.exercises().forEach(e -> zeros.put(e.id(), 0.0));
                rows.add(new Summary.Row(entry.id(), entry.name(), entry.email(), entry.sisUserId(), entry.sisLoginId(),
                        entry.section(), true, Verdict.NO_SUBMISSION, "nothing of theirs is in the download", 0.0, max, 0.0,
                        zeros, null, null, null, 0));
            }
        }
        return assemble(rows, context, !roster.entries().isEmpty());
    }

    /**
     * One summary of the whole class from the summaries of its shards, as {@link #build} makes it
     * from one unsharded batch: the rows of every shard, the totals over them all, and the notes
     * about the download once (every shard read the whole download), those about each student
     * after them. The caller has checked that the shards are one class's, whole and disjoint.
     *
     * @param shards every shard's summary, in shard order
     */
    public static Summary merge(List<Summary> shards, Instant now) {
        Summary first = shards.getFirst();
        List<Summary.Row> rows = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Summary shard : shards) {
            rows.addAll(shard.students());
            Set<String> own = new HashSet<>();
            shard.students().forEach(r -> own.add(notOnRoster(r.id())));
            shard.notes().stream().filter(n -> !own.contains(n)).forEach(notes::add);
        }
        Set<String> versions = new java.util.TreeSet<>();
        Set<String> layouts = new java.util.TreeSet<>();
        shards.forEach(s -> {
            versions.add(String.valueOf(s.graderVersion()));
            layouts.add(String.valueOf(s.layout()));
        });
        if (versions.size() > 1) {
            notes.add("The shards were graded by different versions of the grader: " + String.join(", ", versions) + ".");
        }
        if (layouts.size() > 1) {
            notes.add("The shards read their downloads as different layouts: " + String.join(", ", layouts) + ".");
        }
        boolean roster = rows.stream().anyMatch(Summary.Row::onRoster);
        return assemble(rows, new Context(first.graderVersion(), now, first.submissions(), first.layout(), first.exercises(),
                first.skipped(), List.copyOf(notes), null), roster);
    }

    private static Summary assemble(List<Summary.Row> unsorted, Context context, boolean roster) {
        double max = context.exercises().stream().mapToDouble(ExerciseColumn::maxScore).sum();
        List<Summary.Row> rows = new ArrayList<>(unsorted);
        rows.sort(Comparator.comparing(Summary.Row::id));
        List<String> notes = new ArrayList<>(context.notes());
        rows.stream().filter(r -> !r.onRoster() && roster).forEach(r -> notes.add(notOnRoster(r.id())));
        return new Summary(Summary.SCHEMA_VERSION, context.graderVersion(), context.now(), context.submissions(), context.layout(),
                context.exercises(), rows, totals(rows, max), context.skipped(), notes, context.shard());
    }

    private static String notOnRoster(String id) {
        return id + " is not on the roster.";
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

    /** Reads a {@code summary.json} this batch (or a merge) wrote. */
    public static Summary read(java.nio.file.Path file) throws java.io.IOException {
        return Json.MAPPER.readValue(file.toFile(), Summary.class);
    }

    /** Writes {@code summary.json} atomically. */
    public static void write(Summary summary, java.nio.file.Path file) throws java.io.IOException {
        AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(summary));
    }
}

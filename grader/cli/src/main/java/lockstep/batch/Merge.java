package lockstep.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import lockstep.batch.html.ClassReport;
import lockstep.batch.output.AtomicFiles;
import lockstep.batch.output.Gradebook;
import lockstep.batch.output.Shard;
import lockstep.batch.output.StudentFiles;
import lockstep.batch.output.Summaries;
import lockstep.batch.output.Summary;

/**
 * Joins the folders of the shards of one batch ({@code ./grade batch ... --shard I/N}, one per
 * machine) into the folder one unsharded batch would have written: every student's files, one
 * {@code summary.json}, {@code gradebook.csv} and {@code report.html}. It refuses, before writing
 * anything, shards that are not one whole batch: a folder that is no shard's, shards of different
 * counts or exercises, a shard given twice or missing, or a student in two shards.
 */
public final class Merge {
    /** Why the shards cannot be merged, in plain words; nothing was written. */
    public static final class MergeException extends Exception {
        MergeException(String message) {
            super(message);
        }
    }

    private Merge() {}

    /**
     * Merges {@code shards} into {@code out}.
     *
     * @param shards the shards' {@code --out} folders, in any order
     * @return the merged summary
     * @throws MergeException when the shards are not one whole batch
     * @throws IOException when a shard cannot be read or {@code out} written
     */
    public static Summary merge(List<Path> shards, Path out, Instant now) throws MergeException, IOException {
        Map<Integer, Summary> byIndex = new TreeMap<>();
        Map<Integer, Path> from = new LinkedHashMap<>();
        Integer count = null;
        Path counted = null;
        for (Path dir : shards) {
            Summary summary = read(dir);
            Shard shard = summary.shard();
            if (shard == null) {
                throw new MergeException(dir + " is a whole batch, not a shard (its summary.json names no --shard I/N)");
            }
            if (count != null && shard.count() != count) {
                throw new MergeException("the shards are of different batches: " + counted + " is one of " + count + ", "
                        + dir + " one of " + shard.count());
            }
            count = shard.count();
            counted = dir;
            Path twice = from.putIfAbsent(shard.index(), dir);
            if (twice != null) {
                throw new MergeException("shard " + shard + " is given twice (overlapping shards): " + twice + " and " + dir);
            }
            byIndex.put(shard.index(), summary);
        }
        if (count == null) {
            throw new MergeException("no shard to merge");
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeException("missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + ": the merge needs every shard 1/" + count + " to " + count + "/" + count + " of the batch");
        }
        check(byIndex, from, out);
        List<Summary> ordered = List.copyOf(byIndex.values());
        for (Map.Entry<Integer, Summary> shard : byIndex.entrySet()) {
            copyStudents(shard.getValue(), from.get(shard.getKey()), out);
        }
        Summary merged = Summaries.merge(ordered, now);
        Summaries.write(merged, out.resolve("summary.json"));
        Gradebook.write(merged, out.resolve("gradebook.csv"));
        ClassReport.write(merged, new StudentFiles(out), out.resolve(ClassReport.FILE));
        return merged;
    }

    private static Summary read(Path dir) throws MergeException, IOException {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new MergeException(dir + " has no summary.json: is it the --out folder of a shard that finished?");
        }
        try {
            return Summaries.read(file);
        } catch (IOException e) {
            throw new MergeException(file + " cannot be read as a batch's summary: " + e.getMessage());
        }
    }

    /** The shards grade the same exercises, no student is in two of them, and the output is none of them. */
    private static void check(Map<Integer, Summary> shards, Map<Integer, Path> from, Path out) throws MergeException, IOException {
        Summary first = shards.get(1);
        Map<String, Integer> owner = new LinkedHashMap<>();
        for (Map.Entry<Integer, Summary> shard : shards.entrySet()) {
            Path dir = from.get(shard.getKey());
            if (!Objects.equals(shard.getValue().exercises(), first.exercises())) {
                throw new MergeException("the shards graded different exercises: " + from.get(1) + " "
                        + ids(first) + ", " + dir + " " + ids(shard.getValue()));
            }
            if (Files.exists(out) && Files.isSameFile(out, dir)) {
                throw new MergeException("--out must be a folder of its own, not one of the shards: " + dir);
            }
            for (Summary.Row row : shard.getValue().students()) {
                Integer other = owner.putIfAbsent(row.id().toLowerCase(Locale.ROOT), shard.getKey());
                if (other != null) {
                    throw new MergeException("student " + row.id() + " is in two shards (overlapping shards): "
                            + from.get(other) + " and " + dir);
                }
            }
        }
    }

    private static List<String> ids(Summary summary) {
        return summary.exercises().stream().map(e -> e.id()).toList();
    }

    /** Copies each student's files of one shard, each file atomically; a student without files (no submission) has none. */
    private static void copyStudents(Summary shard, Path dir, Path out) throws IOException {
        StudentFiles source = new StudentFiles(dir);
        StudentFiles target = new StudentFiles(out);
        for (Summary.Row row : shard.students()) {
            Path folder = source.folder(row.id());
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path into = target.folder(row.id());
            for (String name : List.of(StudentFiles.RESULTS, StudentFiles.FEEDBACK, StudentFiles.RECORD)) {
                Path file = folder.resolve(name);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFiles.write(into.resolve(name), Files.readAllBytes(file));
                } else {
                    Files.deleteIfExists(into.resolve(name));
                }
            }
        }
    }
}

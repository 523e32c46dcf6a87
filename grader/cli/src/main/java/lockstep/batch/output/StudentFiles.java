package lockstep.batch.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A student's folder, {@code students/<id>/}: {@code results.json} (the native results),
 * {@code feedback.txt} (what {@code ./grade} prints) and {@code batch.json} (the
 * {@link StudentRecord}). Every file is written atomically, and in an order that keeps the record
 * honest at every instant: when graded, results and feedback first and the record last; when not,
 * the record first, so that no record ever vouches for results that are not there.
 */
public final class StudentFiles {
    public static final String RESULTS = "results.json";
    public static final String FEEDBACK = "feedback.txt";
    public static final String RECORD = "batch.json";

    private final Path students;

    /** The student folders under {@code out/students/}. */
    public StudentFiles(Path out) {
        this.students = out.resolve("students");
    }

    /**
     * The folder of student {@code id}. An id that is not a safe file name (a slash, a space, a
     * leading dot) is made one, with a short hash of the id so that two ids never share a folder.
     */
    public Path folder(String id) {
        return students.resolve(folderName(id));
    }

    /** The folder of student {@code id} relative to the batch's folder, with slashes: {@code students/<name>}. */
    public static String relativeFolder(String id) {
        return "students/" + folderName(id);
    }

    static String folderName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe.equals(id) ? safe : safe + "-" + shortHash(id);
    }

    /** The record of an earlier grading; empty when there is none or it cannot be read. */
    public Optional<StudentRecord> record(String id) {
        Path file = folder(id).resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            StudentRecord record = Json.MAPPER.readValue(file.toFile(), StudentRecord.class);
            return record.id().equals(id) ? Optional.of(record) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the student's native results are there. */
    public boolean hasResults(String id) {
        return Files.isRegularFile(folder(id).resolve(RESULTS));
    }

    /** Writes a graded student's results and feedback, then their record. */
    public void graded(StudentRecord record, String resultsJson, String feedback) throws IOException {
        Path folder = folder(record.id());
        AtomicFiles.write(folder.resolve(RESULTS), resultsJson);
        AtomicFiles.write(folder.resolve(FEEDBACK), feedback);
        AtomicFiles.write(folder.resolve(RECORD), Json.MAPPER.writeValueAsBytes(record));
    }

    /** Writes the record of a student who was not graded, then removes stale results and says why in the feedback. */
    public void notGraded(StudentRecord record) throws IOException {
        Path folder = folder(record.id());
        AtomicFiles.write(folder.resolve(RECORD), Json.MAPPER.writeValueAsBytes(record));
        Files.deleteIfExists(folder.resolve(RESULTS));
        AtomicFiles.write(folder.resolve(FEEDBACK), FeedbackText.notGraded(record.verdict(), record.reason()));
    }

    private static String shortHash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

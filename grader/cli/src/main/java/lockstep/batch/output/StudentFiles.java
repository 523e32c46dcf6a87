package lockstep.batch.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import lockstep.engine.report.JsonReport;
import lockstep.engine.result.GradeReport;

/**
 * A student's folder, {@code students/<id>/}: {@code results.json} (the native results),
 * {@code feedback.txt} (what {@code ./grade} prints), the {@link StudentReports} asked for, and
 * {@code batch.json} (the {@link StudentRecord}). Every file is written atomically, and in an order
 * that keeps the record honest at every instant: when graded, results, feedback and reports first
 * and the record last; when not, the record first, so that no record ever vouches for results that
 * are not there.
 */
public final class StudentFiles {
    public static final String RESULTS = "results.json";
    public static final String FEEDBACK = "feedback.txt";
    public static final String RECORD = "batch.json";

    private final Path students;
    private final StudentReports reports;

    /** The student folders under {@code out/students/}, with no extra reports. */
    public StudentFiles(Path out) {
        this(out, StudentReports.NONE);
    }

    /** The student folders under {@code out/students/}, each with {@code reports}. */
    public StudentFiles(Path out, StudentReports reports) {
        this.students = out.resolve("students");
        this.reports = reports;
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

    /** Writes a graded student's results, feedback and reports, then their record. */
    public void graded(StudentRecord record, GradeReport report) throws IOException {
        Path folder = folder(record.id());
        AtomicFiles.write(folder.resolve(RESULTS), JsonReport.toJson(report));
        AtomicFiles.write(folder.resolve(FEEDBACK), reports.feedback(report));
        writeReports(folder, reports.render(report));
        AtomicFiles.write(folder.resolve(RECORD), Json.MAPPER.writeValueAsBytes(record));
    }

    /**
     * Writes the record of a student who was not graded, then removes stale results, says why in the
     * feedback, and writes each report of {@link GradeReport#notGraded} (a score of 0 out of the
     * record's maximum, and the reason).
     */
    public void notGraded(StudentRecord record) throws IOException {
        Path folder = folder(record.id());
        AtomicFiles.write(folder.resolve(RECORD), Json.MAPPER.writeValueAsBytes(record));
        Files.deleteIfExists(folder.resolve(RESULTS));
        AtomicFiles.write(folder.resolve(FEEDBACK), FeedbackText.notGraded(record.verdict(), record.reason()));
        writeReports(folder, reports.render(notGradedReport(record)));
    }

    /**
     * Writes the requested reports a student kept from an earlier run lacks (that run asked for
     * other reports), from their results, or from their record when they were not graded.
     */
    public void completeReports(StudentRecord record) throws IOException {
        Path folder = folder(record.id());
        boolean missing = reports.requests().stream().anyMatch(r -> !Files.isRegularFile(folder.resolve(r.fileName())));
        if (!missing) {
            return;
        }
        GradeReport report = record.verdict() == Verdict.GRADED ? JsonReport.read(folder.resolve(RESULTS)) : notGradedReport(record);
        writeReports(folder, reports.render(report));
    }

    /** The native report of a student who was not graded: 0 out of the record's maximum, and why. */
    static GradeReport notGradedReport(StudentRecord record) {
        GradeReport.Failure.Kind kind = record.verdict() == Verdict.FAILED ? GradeReport.Failure.Kind.GRADER_FAILED
                : GradeReport.Failure.Kind.NOT_GRADABLE;
        String reason = switch (record.verdict()) {
            case FAILED -> "The grader failed on this submission: " + record.reason();
            case UNREADABLE -> "The submission could not be read, so it was graded as nothing: " + record.reason();
            case NO_SUBMISSION, GRADED -> "No submission was found.";
        };
        return GradeReport.notGraded(new GradeReport.Failure(kind, reason), record.submission() == null ? record.id()
                : record.submission(), record.maxScore(), record.gradedAt() == null ? java.time.Instant.EPOCH : record.gradedAt(),
                record.durationMs());
    }

    private static void writeReports(Path folder, java.util.Map<String, byte[]> files) throws IOException {
        for (var file : files.entrySet()) {
            AtomicFiles.write(folder.resolve(file.getKey()), file.getValue());
        }
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

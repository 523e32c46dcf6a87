package lockstep.engine.score;

import java.util.List;
import lockstep.engine.submission.Note;
import lockstep.engine.submission.Note.Why;

/**
 * The learner's words for what the intake set aside: one sentence per note, naming its path, or
 * counting its paths and naming the first few.
 *
 * <p>The submission stage reports these as {@link Note} values; they are put into words here, beside
 * the other verdict texts, so that every sentence a learner reads about their code is written in one stage.
 */
final class NoteTexts {
    private NoteTexts() {}

    /** The note as the report shows it, e.g. {@code Skipped 3 files (a, b, c): they are links, ...}. */
    static String text(Note note) {
        if (note.why() instanceof Why.DeclaresAnotherPackage(var declared, var folderPackage)) {
            return elsewhere(note, declared, folderPackage);
        }
        String verb = note.why() instanceof Why.OutsidePackages ? "Ignored" : "Skipped";
        if (note.count() == 1) {
            return verb + " " + note.paths().get(0) + ": " + one(note.why()) + ".";
        }
        String noun = note.why() instanceof Why.BuildFolder ? "folders" : "files";
        String examples = String.join(", ", note.paths()) + (note.count() > note.paths().size() ? ", …" : "");
        return verb + " " + note.count() + " " + noun + " (" + examples + "): " + many(note.why()) + ".";
    }

    /** Why, said of one path: follows "Skipped a/B.java: ". */
    private static String one(Why why) {
        return switch (why) {
            case Why.Link l -> "it is a link, and links are never followed";
            case Why.LeavesSubmission l -> "its path leaves the submission";
            case Why.TooLarge(var maxKib) -> "it is larger than " + maxKib + " KiB";
            case Why.PackageFull(var packageName, var max) -> "it is one of more than " + max + " Java files in "
                    + packageWords(packageName);
            case Why.OutsidePackages(var declared, var packages) -> "it declares "
                    + declared.map(p -> p.isEmpty() ? "no package" : "package " + p).orElseThrow() + "; " + rule(packages);
            default -> many(why);
        };
    }

    /** Why, said of several paths: follows "Skipped 3 files (…): ". */
    private static String many(Why why) {
        return switch (why) {
            case Why.Link l -> "they are links, and links are never followed";
            case Why.LeavesSubmission l -> "each path leaves the submission";
            case Why.Resource r -> "resource files and module-info are never put on the class path";
            case Why.OwnTest t -> "your own tests are not graded (only the course's tests are)";
            case Why.TooLarge(var maxKib) -> "each is larger than " + maxKib + " KiB";
            case Why.TooMuch(var maxMib) -> "the submission's sources exceed " + maxMib + " MiB";
            case Why.TooManyFiles(var max) -> "the submission has more than " + max + " Java files";
            case Why.BuildFolder b -> "build output, version control and editor folders are never graded";
            case Why.PackageFull(var packageName, var max) -> "they are past the first " + max + " Java files in "
                    + packageWords(packageName);
            case Why.OutsidePackages(var declared, var packages) -> "none declares an exercise's package; " + rule(packages);
            case Why.DeclaresAnotherPackage d -> throw new IllegalArgumentException("worded by elsewhere: " + d);
        };
    }

    /**
     * e.g. {@code ch10/spawn/Workers.java declares package ch10.mutex, so it counts for the exercise of
     * package ch10.mutex, not for this folder's: to count here, its first line must be 'package ch10.spawn;'.}
     */
    private static String elsewhere(Note note, String declared, String folderPackage) {
        boolean one = note.count() == 1;
        String who = one ? note.paths().get(0) + " declares"
                : note.count() + " files (" + String.join(", ", note.paths()) + (note.count() > note.paths().size() ? ", …" : "")
                        + ") declare";
        return who + " package " + declared + ", so " + (one ? "it counts" : "they count") + " for the exercise of package "
                + declared + ", not for this folder's: to count here, " + (one ? "its" : "their") + " first line must be 'package "
                + folderPackage + ";'.";
    }

    private static String packageWords(String packageName) {
        return packageName.isEmpty() ? "the unnamed package (no package line)" : "package " + packageName;
    }

    private static String rule(List<String> packages) {
        return "your classes must be in an exercise's package (" + String.join(", ", packages) + ")";
    }
}

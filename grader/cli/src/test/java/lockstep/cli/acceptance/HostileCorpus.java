package lockstep.cli.acceptance;

import lockstep.verify.CourseTree;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile corpus of {@code src/test/resources/hostile/}: one folder per case with its
 * {@code case.json}, a {@code patch.diff} over the reference solutions (usually one line that
 * calls the attack) and the hostile files laid over them; the
 * generators of the cases that cannot be stored; and the snapshots that show nothing outside the
 * grader's work folder changed. Generated things are capped and written only under the folder the
 * test made.
 */
final class HostileCorpus {
    static final Path ROOT = Course.REPO.resolve("grader/cli/src/test/resources/hostile");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HostileCorpus() {}

    /**
     * One case of {@code case.json}.
     *
     * @param attack what the submission does, in one line
     * @param exercise the exercise it attacks
     * @param generator the generator that builds it at test time, for cases that cannot be stored
     * @param canaries file names the hostile code tries to create; none may exist after grading
     * @param noProcessLeft a command the hostile code starts; none of it may be alive after grading
     * @param withinSeconds how long grading may take at most, when tighter than the general limit
     * @param neighbours the exercises graded after it, which must keep full marks; null for the usual one: cache,
     *        whose suite is the quickest (under a second), or spawn-join for a case that attacks cache
     * @param policyOn the expected outcome with the static policy on, as the command line grades
     * @param policyOff the expected outcome with the static policy off, for the later layers; null when the same as on
     */
    record Case(String name, String attack, String exercise, String generator, List<String> canaries,
            String noProcessLeft, Integer withinSeconds, List<String> neighbours, Expected policyOn, Expected policyOff) {
        Case {
            canaries = canaries == null ? List.of() : List.copyOf(canaries);
            neighbours = neighbours == null ? List.of(exercise.equals("cache") ? "spawn-join" : "cache") : List.copyOf(neighbours);
        }

        Path dir() {
            return ROOT.resolve(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What grading must give the attacked exercise.
     *
     * @param status the allowed statuses (their JSON names)
     * @param maxScore the most it may earn
     * @param minScore the least it must earn, for attacks that are not forgery; null for none
     * @param feedback words that the exercise's message and test messages must contain (ignoring case)
     * @param mustNotPass tests whose pass would be forged: the code cannot honestly pass them
     * @param output words some test's captured output must contain
     * @param minOutputBytesLeftOut how many bytes of what the code printed some test must count as not
     *     kept (a flood is counted, not stored); null for no such check
     */
    record Expected(List<String> status, double maxScore, Double minScore, List<String> feedback, List<String> mustNotPass,
            List<String> output, Long minOutputBytesLeftOut) {
        Expected {
            status = List.copyOf(status);
            feedback = feedback == null ? List.of() : List.copyOf(feedback);
            mustNotPass = mustNotPass == null ? List.of() : List.copyOf(mustNotPass);
            output = output == null ? List.of() : List.copyOf(output);
        }
    }

    static List<Case> cases() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().map(HostileCorpus::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case load(Path dir) {
        try {
            Map<?, ?> raw = JSON.readValue(dir.resolve("case.json").toFile(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> named = new TreeMap<>((Map<String, Object>) raw);
            named.put("name", dir.getFileName().toString());
            return JSON.convertValue(named, Case.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("case.json"), e);
        }
    }

    /**
     * Builds the case's submission under {@code into} (a folder the test made): the reference
     * solutions, changed by the case's {@code patch.diff}, the case's own files over them, then its
     * generator. Returns the path to grade.
     */
    static Path submission(Case c, Path into) throws IOException {
        Path folder = Files.createDirectories(into.resolve("submission"));
        Course.copyTree(Course.REPO.resolve("solutions/ch10"), folder.resolve("ch10"));
        Path patch = c.dir().resolve("patch.diff");
        if (Files.isRegularFile(patch)) {
            CourseTree.applyDiff(patch, folder);
        }
        Path files = c.dir().resolve("files");
        if (Files.isDirectory(files)) {
            Course.copyTree(files, folder);
        }
        if (c.generator() == null) {
            return folder;
        }
        return switch (c.generator()) {
            case "ten-thousand-classes" -> tenThousandClasses(folder);
            case "sixty-megabyte-source" -> sixtyMegabyteSource(folder);
            case "zip-with-parent-entries" -> zipWithParentEntries(folder, into);
            case "zip-bomb" -> zipBomb(folder, into);
            case "symlinks-out-of-submission" -> symlinksOut(folder, into);
            case "ten-thousand-small-files" -> tenThousandSmallFiles(folder);
            default -> throw new IllegalArgumentException("no generator " + c.generator() + " for " + c.name());
        };
    }

    /** One source of 10,000 nested classes (about 400 KB, under the 1 MiB cap of one source). */
    private static Path tenThousandClasses(Path folder) throws IOException {
        StringBuilder text = new StringBuilder("package ch10.mutex;\n\nfinal class Many {\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("    static final class C").append(i).append(" {\n    }\n");
        }
        Files.writeString(folder.resolve("ch10/mutex/Many.java"), text.append("}\n"));
        return folder;
    }

    /** 10,000 small classes of package ch10.mutex beside the solution's, about 45 bytes each. */
    private static Path tenThousandSmallFiles(Path folder) throws IOException {
        for (int i = 0; i < 10_000; i++) {
            String name = "Junk" + (10_000 + i);
            Files.writeString(folder.resolve("ch10/mutex/" + name + ".java"), "package ch10.mutex;\n\nfinal class " + name + " {\n}\n");
        }
        return folder;
    }

    /** A 60 MB source: a package line, then comment lines. */
    private static Path sixtyMegabyteSource(Path folder) throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve("ch10/mutex/Huge.java"))) {
            out.write("package ch10.mutex;\n\nfinal class Huge {\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = ("    // " + "x".repeat(1017) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 60 * 1024; i++) {
                out.write(line);
            }
            out.write("}\n".getBytes(StandardCharsets.UTF_8));
        }
        return folder;
    }

    /** The solutions zipped, plus entries whose paths climb out; one would break Counter if it were used. */
    private static Path zipWithParentEntries(Path folder, Path into) throws IOException {
        Path zip = into.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            addTree(out, folder);
            put(out, "../../lockstep-canary.java", "package ch10.mutex;\nfinal class Canary {\n}\n");
            put(out, "../ch10/mutex/Counter.java", "package ch10.mutex;\nfinal class Counter { int broken = \"no\"; }\n");
            put(out, "ch10/../../ch10/mutex/Mutex.java", "package ch10.mutex;\nfinal class Mutex { int broken = \"no\"; }\n");
        }
        return zip;
    }

    /** The solutions zipped, plus one entry of 200 MB of spaces, a few hundred KB deflated. */
    private static Path zipBomb(Path folder, Path into) throws IOException {
        Path zip = into.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            addTree(out, folder);
            out.putNextEntry(new ZipEntry("ch10/mutex/Bomb.java"));
            out.write("package ch10.mutex;\nfinal class Bomb { int broken = \"no\"; }\n".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(spaces);
            }
            out.closeEntry();
        }
        return zip;
    }

    /** Links from the submission to a file and a folder beside it, whose code would break mutex if read. */
    private static Path symlinksOut(Path folder, Path into) throws IOException {
        Path outside = Files.createDirectories(into.resolve("outside/ch10/mutex"));
        Files.writeString(outside.resolve("Leak.java"), "package ch10.mutex;\nfinal class Leak { int broken = \"no\"; }\n");
        Files.writeString(outside.resolve("Counter.java"), "package ch10.mutex;\nfinal class Counter { int broken = \"no\"; }\n");
        Files.createSymbolicLink(folder.resolve("ch10/mutex/Leak.java"), outside.resolve("Leak.java"));
        Files.createSymbolicLink(folder.resolve("linked"), into.resolve("outside"));
        return folder;
    }

    private static void addTree(ZipOutputStream out, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** What a tree holds: path to size and modification time of each file (folders by name), links not followed. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    // A folder's own time changes whenever something is made and removed in it (the grader's
                    // work folder in the temporary root); what is left in it is listed on its own.
                    files.put(root.relativize(p).toString(), a.isDirectory() ? "folder" : a.size() + " bytes @" + a.lastModifiedTime());
                } catch (IOException e) {
                    files.put(root.relativize(p).toString(), "unreadable: " + e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            files.put("", "cannot walk: " + e.getMessage());
        }
        return files;
    }

    /** The grader's work folders ({@code lockstep-*}) in {@code tmp} right now. */
    static List<Path> workFolders(Path tmp) {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("lockstep-") && Files.isDirectory(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code root} (links not followed) whose name is one of {@code names}. */
    static List<Path> find(Path root, List<String> names) {
        if (names.isEmpty() || !Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> names.contains(p.getFileName().toString())).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}

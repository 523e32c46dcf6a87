package lockstep.engine.submission;

import static lockstep.testkit.Lockstep.scaledMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lockstep.engine.submission.Note.Why;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionReaderTest {
    @TempDir
    Path dir;

    @Test
    void findsClassesByTheirPackageLineWhateverTheLayout() throws IOException {
        write("deep/nested/Workers.java", "/* package ch10.wrong; */\n// package ch10.wrong;\npackage ch10.spawn;\nclass Workers {}");
        write("Flat.java", "package   ch10 . mutex ;\nclass Flat {}");
        write("NoPackage.java", "class NoPackage {}");

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.inPackage("ch10.spawn")).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.inPackage("ch10.mutex")).extracting(SourceFile::path).containsExactly("Flat.java");
        assertThat(submission.inPackage("")).extracting(SourceFile::className).containsExactly("NoPackage");
    }

    @Test
    void setsAsideTheLearnersOwnTestsWithANote() throws IOException {
        write("src/main/java/ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        write("src/test/java/ch10/spawn/MyWorkersTest.java", "package ch10.spawn; class MyWorkersTest {}");

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.sources()).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.notes()).containsExactly(note(new Why.OwnTest(), 1, "src/test/java/ch10/spawn/MyWorkersTest.java"));
    }

    @Test
    void skipsASourceOverTheSizeCapWithoutReadingItWhole() throws IOException {
        write("Big.java", "package ch10.spawn; class Big {}\n" + "//".repeat(SubmissionReader.MAX_FILE_BYTES));

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.sources()).isEmpty();
        assertThat(submission.notes()).containsExactly(note(new Why.TooLarge(1024), 1, "Big.java"));
    }

    @Test
    void readsAZipInMemoryAndRefusesPathsThatLeaveIt() throws IOException {
        Path zip = dir.resolve("submission.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "work/ch10/mutex/Mutex.java", "package ch10.mutex; public final class Mutex<T> {}");
            entry(out, "../escape/Evil.java", "package ch10.mutex; class Evil {}");
        }

        Submission submission = SubmissionReader.read(zip);

        assertThat(submission.inPackage("ch10.mutex")).extracting(SourceFile::className).containsExactly("Mutex");
        assertThat(submission.notes()).singleElement().satisfies(n -> {
            assertThat(n.why()).isEqualTo(new Why.LeavesSubmission());
            assertThat(n.paths()).singleElement().asString().endsWith("Evil.java");
        });
        assertThat(dir.getParent().resolve("escape")).doesNotExist();
    }

    @Test
    void aPathThatIsNeitherFolderNorZipIsAnError() {
        assertThatThrownBy(() -> SubmissionReader.read(dir.resolve("nothing-here")))
                .isInstanceOf(IOException.class).hasMessageContaining("expected a folder or a .zip");
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream stream = out;
        stream.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void moduleInfoMetaInfAndJunitPlatformPropertiesAreNeverUsedAndEachIsNamed() throws IOException {
        write("module-info.java", "module sneaky { requires org.junit.jupiter.api; }");
        write("META-INF/services/org.junit.jupiter.api.extension.Extension", "ch10.spawn.Sneaky");
        write("src/main/resources/META-INF/services/javax.annotation.processing.Processor", "ch10.spawn.Proc");
        write("src/test/resources/junit-platform.properties", "junit.jupiter.extensions.autodetection.enabled=true");
        write("ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        Path zip = dir.resolve("sub.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "module-info.java", "module sneaky {}");
            entry(out, "x/META-INF/MANIFEST.MF", "Premain-Class: ch10.spawn.Agent");
            entry(out, "junit-platform.properties", "x=y");
            entry(out, "ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        }

        Submission folder = SubmissionReader.read(dir);
        Submission zipped = SubmissionReader.read(zip);

        assertThat(folder.sources()).extracting(SourceFile::path).containsExactly("ch10/spawn/Workers.java");
        assertThat(folder.notes()).containsExactly(note(new Why.Resource(), 4, "META-INF/services/org.junit.jupiter.api.extension.Extension",
                "module-info.java", "src/main/resources/META-INF/services/javax.annotation.processing.Processor"));
        assertThat(zipped.sources()).extracting(SourceFile::path).containsExactly("ch10/spawn/Workers.java");
        assertThat(zipped.notes()).containsExactly(note(new Why.Resource(), 3, "junit-platform.properties", "module-info.java",
                "x/META-INF/MANIFEST.MF"));
    }

    @Test
    void aSixtyMegabyteSourceIsSkippedFromItsSizeWithoutBeingRead() throws IOException {
        Path huge = dir.resolve("ch10/spawn/Huge.java");
        Files.createDirectories(huge.getParent());
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(60L << 20); // sparse: takes no disk
        }
        write("ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");

        long start = System.nanoTime();
        Submission submission = SubmissionReader.read(dir);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(scaledMillis(2_000).toMillis());
        assertThat(submission.sources()).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.notes()).containsExactly(note(new Why.TooLarge(1024), 1, "ch10/spawn/Huge.java"));
    }

    @Test
    void readingStopsAtSixteenMebibytesInAll() throws IOException {
        String filler = "package ch10.spawn; class F {}\n" + "/".repeat(SubmissionReader.MAX_FILE_BYTES - 100);
        for (int i = 0; i < 20; i++) {
            write("ch10/spawn/F" + (100 + i) + ".java", filler);
        }

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.sources()).hasSize(16);
        assertThat(submission.notes()).containsExactly(note(new Why.TooMuch(16), 4, "ch10/spawn/F116.java", "ch10/spawn/F117.java",
                "ch10/spawn/F118.java"));
    }

    @Test
    void aFolderStuffedWithFilesIsReadLastSoTheOverallCapsFallOnItAlone() throws IOException {
        String filler = "package ch10.mutex; class F {}\n" + "/".repeat(SubmissionReader.MAX_FILE_BYTES - 100);
        for (int i = 0; i < 20; i++) {
            write("ch10/mutex/F" + (100 + i) + ".java", filler);
        }
        write("ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        write("ch10/tasks/AsyncTasks.java", "package ch10.tasks; class AsyncTasks {}");

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.inPackage("ch10.spawn")).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.inPackage("ch10.tasks")).extracting(SourceFile::className).containsExactly("AsyncTasks");
        assertThat(submission.inPackage("ch10.mutex")).hasSize(16);
        assertThat(submission.notes()).singleElement().satisfies(n -> assertThat(List.of(n.why(), n.count(), n.paths().get(0)))
                .containsExactly(new Why.TooMuch(16), 4, "ch10/mutex/F116.java"));
    }

    @Test
    void tenThousandFilesInOnePackageFillOnlyThatPackageAndAreCountedInOneNote() throws IOException {
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "ch10/async/AsyncTasks.java", "package ch10.tasks; class AsyncTasks {}");
            for (int i = 0; i < 10_000; i++) {
                entry(out, "ch10/mutex/C" + (10_000 + i) + ".java", "package ch10.mutex; class C" + (10_000 + i) + " {}");
            }
            entry(out, "ch10/mutex/Mutex.java", "package ch10.mutex; class Mutex {}");
            entry(out, "ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        }

        Submission submission = SubmissionReader.read(zip);

        assertThat(submission.inPackage("ch10.spawn")).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.inPackage("ch10.tasks")).extracting(SourceFile::className).containsExactly("AsyncTasks");
        assertThat(submission.inPackage("ch10.mutex")).hasSize(SubmissionReader.MAX_FILES_PER_PACKAGE);
        assertThat(submission.fullPackages()).containsExactly("ch10.mutex");
        assertThat(submission.notes()).containsExactly(note(new Why.PackageFull("ch10.mutex", 500), 9501, "ch10/mutex/C10500.java",
                "ch10/mutex/C10501.java", "ch10/mutex/C10502.java"));
    }

    @Test
    void tenThousandFilesWithoutAPackageLineLeaveTheSolutionBesideThemAlone() throws IOException {
        for (int i = 0; i < 10_000; i++) {
            write("ch10/mutex/J" + (10_000 + i) + ".java", "class J" + i + " {}");
        }
        write("ch10/mutex/Mutex.java", "package ch10.mutex; class Mutex {}");
        write("ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.inPackage("ch10.mutex")).extracting(SourceFile::className).containsExactly("Mutex");
        assertThat(submission.inPackage("ch10.spawn")).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.fullPackages()).containsExactly("");
        assertThat(submission.notes()).singleElement().satisfies(n -> assertThat(List.of(n.why(), n.count(), n.paths().get(0)))
                .containsExactly(new Why.PackageFull("", 500), 9500, "ch10/mutex/J10500.java"));
        assertThat(submission.outsidePackages(List.of("ch10.mutex", "ch10.spawn"))).containsExactly(note(
                new Why.OutsidePackages(Optional.empty(), List.of("ch10.mutex", "ch10.spawn")), 500,
                "ch10/mutex/J10000.java", "ch10/mutex/J10001.java", "ch10/mutex/J10002.java"));
    }

    @Test
    void atMostTwentyThousandJavaFilesAreReadInAll() throws IOException {
        Path zip = dir.resolve("countless.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < SubmissionReader.MAX_FILES + 5; i++) {
                entry(out, "junk/p" + i + "/J.java", "package junk.p" + i + "; class J {}");
            }
        }

        Submission submission = SubmissionReader.read(zip);

        assertThat(submission.sources()).hasSize(SubmissionReader.MAX_FILES);
        assertThat(submission.notes()).singleElement().satisfies(n -> assertThat(List.of(n.why(), n.count()))
                .containsExactly(new Why.TooManyFiles(20_000), 5));
    }

    @Test
    void buildAndVersionControlFoldersAreNeverEnteredAndNamedInOneNote() throws IOException {
        write("ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        for (String folder : List.of("target/classes/ch10/spawn", "project/build/generated", "out/production", "bin/ch10/spawn",
                ".git/objects", ".idea", ".gradle/caches", "node_modules/pkg/src")) {
            write(folder + "/Workers.java", "package ch10.spawn; class Workers { int broken = \"no\"; }");
        }
        Path zip = dir.resolve("sub.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
            entry(out, "target/classes/ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
            entry(out, "target/classes/ch10/spawn/Other.java", "package ch10.spawn; class Other {}");
            entry(out, "work/.git/HEAD", "ref: refs/heads/main");
        }

        Submission folder = SubmissionReader.read(dir);
        Submission zipped = SubmissionReader.read(zip);

        assertThat(folder.sources()).extracting(SourceFile::path).containsExactly("ch10/spawn/Workers.java");
        assertThat(folder.notes()).containsExactly(note(new Why.BuildFolder(), 8, ".git/", ".gradle/", ".idea/"));
        assertThat(zipped.sources()).extracting(SourceFile::path).containsExactly("ch10/spawn/Workers.java");
        assertThat(zipped.notes()).containsExactly(note(new Why.BuildFolder(), 2, "target/", "work/.git/"));
    }

    @Test
    void zipEntriesWhosePathLeavesTheSubmissionAreSkippedInEveryForm() throws IOException {
        Path zip = dir.resolve("paths.zip");
        List<String> evil = List.of("../Up.java", "a/../../Up2.java", "/abs/Abs.java", "C:/win/Drive.java", "..\\Back.java", "a\\..\\..\\Back2.java");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : evil) {
                entry(out, name, "package ch10.spawn; class X {}");
            }
            entry(out, "ok/ch10/spawn/Ok.java", "package ch10.spawn; class Ok {}");
        }

        Submission submission = SubmissionReader.read(zip);

        assertThat(submission.sources()).extracting(SourceFile::className).containsExactly("Ok");
        assertThat(submission.notes()).singleElement().satisfies(n -> assertThat(List.of(n.why(), n.count()))
                .containsExactly(new Why.LeavesSubmission(), 6));
    }

    @Test
    void aZipBombIsReadOnlyUpToTheCapsWhateverItsEntriesClaim() throws IOException {
        // 25 entries, each claiming 100 bytes: the first inflates to 1 GiB, the others to 2 MiB; about 1 MiB on disk.
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 25; i++) {
                out.putNextEntry(new ZipEntry("ch10/spawn/B" + (10 + i) + ".java"));
                out.write("package ch10.spawn; class B {}\n//".getBytes(StandardCharsets.UTF_8));
                for (int mib = 0; mib < (i == 0 ? 1024 : 2); mib++) {
                    out.write(zeros);
                }
                out.closeEntry();
            }
            entry(out, "ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        }
        assertThat(claimSmallSizes(zip, 100)).isEqualTo(26);
        assertThat(Files.size(zip)).isLessThan(4L << 20);

        long start = System.nanoTime();
        Submission submission = SubmissionReader.read(zip);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(scaledMillis(5_000).toMillis());
        assertThat(submission.sources()).isEmpty(); // Workers.java comes after the 16 MiB are spent
        assertThat(submission.notes()).containsExactly(
                note(new Why.TooLarge(1024), 15, "ch10/spawn/B10.java", "ch10/spawn/B11.java", "ch10/spawn/B12.java"),
                note(new Why.TooMuch(16), 11, "ch10/spawn/B25.java", "ch10/spawn/B26.java", "ch10/spawn/B27.java"));
    }

    @Test
    void anEntryThatClaimsToBeHugeIsSkippedUnreadAndANestedZipIsNeverOpened() throws IOException {
        Path inner = dir.resolve("inner.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(inner))) {
            entry(out, "ch10/spawn/Inside.java", "package ch10.spawn; class Inside {}");
        }
        Path zip = dir.resolve("outer.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("nested/inner.zip"));
            out.write(Files.readAllBytes(inner));
            out.closeEntry();
            ZipEntry claimed = new ZipEntry("ch10/spawn/Claimed.java");
            out.putNextEntry(claimed);
            out.write("package ch10.spawn; class Claimed {}".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        patchSize(zip, "ch10/spawn/Claimed.java", 3_000_000_000L);

        Submission submission = SubmissionReader.read(zip);

        assertThat(submission.sources()).isEmpty();
        assertThat(submission.notes()).containsExactly(note(new Why.TooLarge(1024), 1, "ch10/spawn/Claimed.java"));
    }

    @Test
    void linksOutOfTheSubmissionAreNotFollowed(@TempDir Path elsewhere) throws IOException {
        Path secret = elsewhere.resolve("ch10/spawn/Secret.java");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "package ch10.spawn; class Secret {}");
        write("ch10/spawn/Workers.java", "package ch10.spawn; class Workers {}");
        Files.createSymbolicLink(dir.resolve("ch10/spawn/Linked.java"), secret);
        Files.createSymbolicLink(dir.resolve("outside"), elsewhere);

        Submission submission = SubmissionReader.read(dir);

        assertThat(submission.sources()).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(submission.notes()).containsExactly(note(new Why.Link(), 2, "ch10/spawn/Linked.java", "outside"));
    }

    @Test
    void sourcesOutsideTheExercisePackagesAreCountedInOneNote() throws IOException {
        write("org/junit/jupiter/api/Test.java", "package org.junit.jupiter.api; public @interface Test {}");
        write("Loose.java", "class Loose {}");
        write("ch10/mutex/util/Helper.java", "package ch10.mutex.util; class Helper {}");
        write("ch10/mutex/Mutex.java", "package ch10.mutex; class Mutex {}");

        List<Note> notes = SubmissionReader.read(dir).outsidePackages(List.of("ch10.spawn", "ch10.mutex"));

        assertThat(notes).containsExactly(note(new Why.OutsidePackages(Optional.empty(), List.of("ch10.spawn", "ch10.mutex")), 3,
                "Loose.java", "ch10/mutex/util/Helper.java", "org/junit/jupiter/api/Test.java"));
    }

    @Test
    void aSingleSourceOutsideTheExercisePackagesIsNamedWithItsPackage() throws IOException {
        write("org/junit/jupiter/api/Test.java", "package org.junit.jupiter.api; public @interface Test {}");

        List<Note> notes = SubmissionReader.read(dir).outsidePackages(List.of("ch10.spawn", "ch10.mutex"));

        assertThat(notes).containsExactly(note(new Why.OutsidePackages(Optional.of("org.junit.jupiter.api"),
                List.of("ch10.spawn", "ch10.mutex")), 1, "org/junit/jupiter/api/Test.java"));
    }

    /** Makes every central-directory entry of {@code zip} claim {@code size} bytes inflated; returns how many. */
    private static int claimSmallSizes(Path zip, long size) throws IOException {
        return patchSizes(zip, null, size);
    }

    private static void patchSize(Path zip, String name, long size) throws IOException {
        assertThat(patchSizes(zip, name, size)).isEqualTo(1);
    }

    private static int patchSizes(Path zip, String onlyName, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) { // central directory file header
                int nameLength = Short.toUnsignedInt(buffer.getShort(i + 28));
                String name = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (onlyName == null || onlyName.equals(name)) {
                    buffer.putInt(i + 24, (int) size);
                    patched++;
                }
            }
        }
        Files.write(zip, bytes);
        return patched;
    }

    /** A note for {@code why} on {@code count} paths, naming {@code examples}. */
    private static Note note(Why why, int count, String... examples) {
        return new Note(why, List.of(examples), count);
    }
}

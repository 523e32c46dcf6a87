package lockstep.batch.discover;

import static lockstep.batch.Files2.counter;
import static lockstep.batch.Files2.write;
import static lockstep.batch.Files2.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each download layout, as a generated example folder, read by {@link Discovery}. */
class DiscoveryTest {
    @TempDir
    Path root;

    private static Map<String, Found> byKey(Discovered d) {
        return d.submissions().stream().collect(Collectors.toMap(Found::key, Function.identity()));
    }

    private static List<String> ids(Discovered d) {
        return d.submissions().stream().flatMap(f -> f.students().stream()).map(Student::id).toList();
    }

    @Test
    void oneFolderOrZipPerStudentNamedByTheId() throws IOException {
        write(root, "alice/src/ch10/mutex/Counter.java", counter(""));
        zip(root, "bob.zip", "ch10/mutex/Counter.java", counter(""));
        zip(root, "carol/upload.zip", "Counter.java", counter(""));
        write(root, "notes.txt", "instructor's notes");
        write(root, ".DS_Store", "");

        Discovered d = Discovery.discover(root, Optional.empty());

        assertThat(d.layout()).isEqualTo(Layout.FOLDERS);
        assertThat(ids(d)).containsExactly("alice", "bob", "carol");
        Map<String, Found> found = byKey(d);
        assertThat(found.get("alice").whole()).isEqualTo(root.resolve("alice"));
        assertThat(found.get("bob.zip").whole()).isEqualTo(root.resolve("bob.zip"));
        assertThat(found.get("carol").whole()).as("a folder holding one zip is graded as that zip")
                .isEqualTo(root.resolve("carol/upload.zip"));
        assertThat(d.skipped()).extracting(Skipped::path).containsExactly(".DS_Store", "notes.txt");
        assertThat(d.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void gradescopeExportNamesEachSubmissionsStudentsGroupsIncluded() throws IOException {
        Path export = root.resolve("assignment_4242_export");
        write(export, "submission_metadata.yml", """
                submission_101:
                  :submitters:
                  - :name: Jane Doe
                    :sid: '1001'
                    :email: jane@example.edu
                  :created_at: 2025-03-01 10:00:00.000000000 -08:00
                  :score: !ruby/object:BigDecimal 18:0.27E2
                  :status: processed
                submission_102:
                  :submitters:
                  - :name: Pair One
                    :sid: '2001'
                    :email: one@example.edu
                  - :name: Pair Two
                    :sid: ''
                    :email: two@example.edu
                submission_103:
                  :submitters:
                  - :name: Gone Missing
                    :sid: '3001'
                """);
        write(export, "submission_101/Counter.java", counter(""));
        zip(export, "submission_102/work.zip", "Counter.java", counter(""));
        write(export, "submission_999/Counter.java", counter(""));

        Discovered d = Discovery.discover(root, Optional.empty());

        assertThat(d.layout()).isEqualTo(Layout.GRADESCOPE);
        Map<String, Found> found = byKey(d);
        assertThat(found.get("submission_101").students()).containsExactly(new Student("1001", "Jane Doe", "jane@example.edu"));
        assertThat(found.get("submission_101").whole()).isEqualTo(export.resolve("submission_101"));
        assertThat(found.get("submission_102").students()).extracting(Student::id)
                .as("an empty SID falls back to the e-mail").containsExactly("2001", "two@example.edu");
        assertThat(found.get("submission_102").whole()).isEqualTo(export.resolve("submission_102/work.zip"));
        assertThat(found.get("submission_103").problem()).contains("no such folder");
        assertThat(found.get("submission_103").students()).extracting(Student::id).containsExactly("3001");
        assertThat(d.skipped()).extracting(Skipped::path).containsExactly("assignment_4242_export/submission_999");
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void aGradescopeExportWhoseMetadataCannotBeReadIsGradedFolderByFolder() throws IOException {
        write(root, "submission_metadata.yml", "submission_1:\n  :submitters: [ unclosed\n");
        write(root, "submission_1/Counter.java", counter(""));

        Discovered d = Discovery.discover(root, Optional.empty());

        assertThat(d.layout()).isEqualTo(Layout.GRADESCOPE);
        assertThat(ids(d)).containsExactly("submission_1");
        assertThat(d.notes()).singleElement().asString().contains("Could not read submission_metadata.yml");
    }

    @Test
    void githubClassroomReposAreNamedAssignmentDashLogin() throws IOException {
        for (String login : List.of("alice", "bob-smith", "Carol99")) {
            write(root, "ch10-concurrency-" + login + "/.git/HEAD", "ref: refs/heads/main\n");
            write(root, "ch10-concurrency-" + login + "/src/ch10/mutex/Counter.java", counter(""));
        }

        Discovered d = Discovery.discover(root, Optional.empty());

        assertThat(d.layout()).isEqualTo(Layout.GITHUB_CLASSROOM);
        assertThat(ids(d)).containsExactly("Carol99", "alice", "bob-smith");
        assertThat(GithubClassroomLayout.assignmentPrefix(List.of("hw-ann", "hw-anna"))).isEqualTo("hw-");
        assertThat(GithubClassroomLayout.assignmentPrefix(List.of("hw-a-x", "hw-a-y"))).isEqualTo("hw-a-");
        assertThat(GithubClassroomLayout.assignmentPrefix(List.of("hw-ann"))).isEmpty();
        assertThat(GithubClassroomLayout.assignmentPrefix(List.of("alice", "bob"))).isEmpty();
    }

    @Test
    void aRosterTellsGithubLoginsFromTheAssignmentWhereThePrefixCannot(@TempDir Path elsewhere) throws IOException {
        // Two logins that share "ann-": the prefix all names share is "ch10-concurrency-ann-", so alone it gives
        // "lee" and "smith". Beside a starter repository, the shared prefix shrinks to "ch10-". The roster votes:
        // "lee" on it proposes "ch10-concurrency-ann-" once, "ann-lee" and "ann-smith" propose "ch10-concurrency-" twice.
        Path twoAnns = root.resolve("two-anns");
        Path withStarter = root.resolve("with-starter");
        for (String repo : List.of("ch10-concurrency-ann-lee", "ch10-concurrency-ann-smith")) {
            write(twoAnns, repo + "/.git/HEAD", "ref: refs/heads/main\n");
        }
        for (String repo : List.of("ch10-concurrency-Bob", "ch10-concurrency-carol", "ch10-starter")) {
            write(withStarter, repo + "/.git/HEAD", "ref: refs/heads/main\n");
        }
        Roster roster = Roster.read(Files.writeString(elsewhere.resolve("roster.csv"),
                "github,name\nann-smith,Ann Smith\nann-lee,Ann Lee\nlee,Someone Else\nbob,Bob\ncarol,Carol\n"));

        assertThat(ids(Discovery.discover(twoAnns, Optional.empty()))).containsExactly("lee", "smith");
        assertThat(ids(Discovery.discover(twoAnns, Optional.empty(), roster))).containsExactly("ann-lee", "ann-smith");
        assertThat(ids(Discovery.discover(withStarter, Optional.empty())))
                .containsExactly("concurrency-Bob", "concurrency-carol", "starter");
        assertThat(Discovery.discover(withStarter, Optional.empty(), roster).submissions())
                .extracting(Found::key, f -> f.students().get(0).id()).containsExactly(
                        tuple("ch10-concurrency-Bob", "bob"), tuple("ch10-concurrency-carol", "carol"),
                        tuple("ch10-starter", "ch10-starter"));
        assertThat(GithubClassroomLayout.rosterPrefix(List.of("hw-ann-lee"), roster)).contains("hw-");
        assertThat(GithubClassroomLayout.rosterPrefix(List.of("hw-zed"), roster)).isEmpty();
    }

    @Test
    void aLoneGithubRepositoryIsNamedByTheRosterWhenThereIsOne(@TempDir Path elsewhere) throws IOException {
        write(root, "ch10-concurrency-alice/.git/HEAD", "ref: refs/heads/main\n");
        Path csv = Files.writeString(elsewhere.resolve("roster.csv"), "login\nalice\nbob\n");

        assertThat(ids(Discovery.discover(root, Optional.empty(), Roster.read(csv)))).containsExactly("alice");
        assertThat(ids(Discovery.discover(root, Optional.empty()))).containsExactly("ch10-concurrency-alice");
    }

    @Test
    void moodleFoldersAndFlatFilesAreGatheredByParticipantId() throws IOException {
        write(root, "Jane Doe_123456_assignsubmission_file_/Counter.java", counter(""));
        write(root, "Jane Doe_123456_assignsubmission_onlinetext_/onlinetext.html", "<p>done</p>");
        write(root, "Bob Ray_222_assignsubmission_file_Counter.java", counter(""));
        write(root, "Bob Ray_222_assignsubmission_file_Mutex.java", "package ch10.mutex; class Mutex {}");
        write(root, "grades.csv", "");

        Discovered d = Discovery.discover(root, Optional.empty());

        assertThat(d.layout()).isEqualTo(Layout.MOODLE);
        assertThat(d.submissions()).extracting(f -> f.students().get(0))
                .containsExactly(new Student("123456", "Jane Doe", null), new Student("222", "Bob Ray", null));
        assertThat(d.submissions().get(0).whole()).isEqualTo(root.resolve("Jane Doe_123456_assignsubmission_file_"));
        assertThat(d.submissions().get(1).files()).containsOnlyKeys("Counter.java", "Mutex.java");
        assertThat(d.skipped()).extracting(Skipped::path)
                .containsExactly("Jane Doe_123456_assignsubmission_onlinetext_", "grades.csv");
    }

    @Test
    void canvasFilesAreGroupedByUserIdAndALoneZipIsGradedAsItIs() throws IOException {
        write(root, "doejane_1001_555_Counter.java", counter(""));
        write(root, "doejane_1001_555_Mutex.java", "package ch10.mutex; class Mutex {}");
        write(root, "doejane_1001_556_Counter.java", counter("int again;"));
        zip(root, "raybob_LATE_1002_600_work.zip", "Counter.java", counter(""));
        write(root, "readme.txt", "");

        Discovered d = Discovery.discover(root, Optional.empty());

        assertThat(d.layout()).isEqualTo(Layout.CANVAS);
        assertThat(ids(d)).containsExactly("1001", "1002");
        assertThat(d.submissions().get(0).files()).containsOnlyKeys("Counter.java", "Counter-2.java", "Mutex.java");
        assertThat(d.submissions().get(1).whole()).isEqualTo(root.resolve("raybob_LATE_1002_600_work.zip"));
        assertThat(d.skipped()).extracting(Skipped::path).containsExactly("readme.txt");
    }

    @Test
    void aLayoutCanBeForcedAndSubmissionsMustBeAFolder() throws IOException {
        write(root, "hw-ann/Counter.java", counter(""));
        write(root, "hw-bob/Counter.java", counter(""));

        assertThat(ids(Discovery.discover(root, Optional.empty()))).containsExactly("hw-ann", "hw-bob");
        assertThat(ids(Discovery.discover(root, Optional.of(Layout.GITHUB_CLASSROOM)))).containsExactly("ann", "bob");
        assertThat(Layout.byId("GitHub-Classroom")).contains(Layout.GITHUB_CLASSROOM);
        assertThatThrownBy(() -> Discovery.discover(root.resolve("hw-ann/Counter.java"), Optional.empty()))
                .isInstanceOf(IOException.class);
    }
}

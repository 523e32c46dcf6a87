package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.ContractType;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.compile.CompileResult;
import lockstep.engine.compile.Compiler;
import lockstep.engine.contract.ContractCheck;
import lockstep.engine.contract.ContractMismatch;
import lockstep.engine.submission.SourceFile;
import lockstep.verify.CourseTree;
import lockstep.verify.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course's contracts as the build recorded them: every learner class has one, and every
 * template, reference solution and honest variant keeps it, since the grader reporting honest code
 * as not matching the contract would be a grading bug. It compiles each as the grader does (the
 * course's given classes beside the learner's) and runs no test.
 */
class CourseContractsTest {
    private static final Path REPO = Path.of(System.getProperty("lockstep.repo", "../..")).toAbsolutePath().normalize();
    private static final Catalog CATALOG = Catalog.load();

    @TempDir
    Path dir;

    @Test
    void everyLearnerClassHasAContractWithMembers() {
        for (Exercise exercise : CATALOG.exercises()) {
            assertThat(exercise.contract()).as(exercise.id()).extracting(ContractType::className)
                    .containsAll(exercise.learnerClasses());
            assertThat(exercise.contract()).as(exercise.id()).allMatch(t -> !t.members().isEmpty());
        }
    }

    @Test
    void theMutexContractIsTheContractsSignatures() {
        Exercise mutex = CATALOG.find("mutex").orElseThrow();

        assertThat(mutex.contract()).extracting(ContractType::className).containsExactly("Mutex", "Mutex$Guard", "Counter");
        assertThat(mutex.contract().get(2).members()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("countConcurrently");
            assertThat(m.descriptor()).isEqualTo("(II)J");
            assertThat(m.staticMember()).isTrue();
        });
    }

    @Test
    void everyTemplateSolutionAndHonestVariantMatchesItsContract() throws IOException {
        CourseTree tree = new CourseTree(REPO, CATALOG);
        List<Subject> subjects = new ArrayList<>();
        for (Exercise exercise : CATALOG.exercises()) {
            subjects.add(new Subject.Template(exercise.id()));
            subjects.add(new Subject.Solution(exercise.id()));
        }
        subjects.addAll(tree.variants(List.of()));
        List<String> found = new ArrayList<>();
        int n = 0;
        for (Subject subject : subjects) {
            Exercise exercise = CATALOG.find(subject.exercise()).orElseThrow();
            Path submission = tree.submission(List.of(subject), dir.resolve("s" + n));
            Path classes = dir.resolve("c" + n++);
            CompileResult compiled = Compiler.create().compile(sources(exercise, submission), classes);
            assertThat(compiled).as(subject.label()).isInstanceOf(CompileResult.Compiled.class);
            for (ContractMismatch mismatch : ContractCheck.check(classes, exercise)) {
                found.add(subject.label() + ": " + mismatch);
            }
        }
        assertThat(subjects).hasSizeGreaterThan(2 * CATALOG.exercises().size());
        assertThat(found).isEmpty();
    }

    /** The exercise's sources as the grader compiles them: the learner's classes of its package and the course's given ones. */
    private static List<SourceFile> sources(Exercise exercise, Path submission) throws IOException {
        Path folder = submission.resolve(exercise.packageName().replace('.', '/'));
        List<SourceFile> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.java$", "");
                if (!exercise.givenClasses().contains(name)) {
                    sources.add(new SourceFile(name + ".java", exercise.packageName(), name, Files.readString(file)));
                }
            }
        }
        for (String given : exercise.givenSources()) {
            String name = given.substring(given.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
            sources.add(new SourceFile("(course) " + given, exercise.packageName(), name, CATALOG.givenSource(exercise, given)));
        }
        return sources;
    }
}

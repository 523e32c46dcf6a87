package lockstep.cli.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lockstep.verify.Subject;
import org.junit.jupiter.api.Test;

/**
 * Every exercise has mutants (known learner mistakes) that name real tests; that each loses exactly
 * those tests on every run is checked by {@link CourseVerificationTest}.
 */
class MutantsTest {
    @Test
    void everyExerciseHasAtLeastFiveMutantsNamingRealTests() {
        Map<String, List<Subject.Mutant>> byExercise = Course.mutants().stream()
                .collect(Collectors.groupingBy(Subject.Mutant::exercise));
        for (var exercise : Course.exercises()) {
            List<String> testIds = exercise.tests().stream().map(t -> t.id()).toList();
            assertThat(byExercise.get(exercise.id())).as(exercise.id()).hasSizeGreaterThanOrEqualTo(5);
            for (Subject.Mutant mutant : byExercise.get(exercise.id())) {
                assertThat(mutant.mustFail()).as(mutant.toString()).isNotEmpty();
                assertThat(testIds).as(mutant + " names tests of its exercise").containsAll(mutant.mustFail());
                assertThat(mutant.mistake()).isNotBlank();
            }
        }
    }
}

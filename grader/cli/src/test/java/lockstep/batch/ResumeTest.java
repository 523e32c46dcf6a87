package lockstep.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lockstep.batch.Resume.Decision;
import lockstep.batch.output.StudentRecord;
import lockstep.batch.output.Verdict;
import org.junit.jupiter.api.Test;

class ResumeTest {
    private static final List<String> MUTEX = List.of("mutex");

    private static StudentRecord record(String hash, Verdict verdict, List<String> exercises) {
        return new StudentRecord("a", "a", verdict, null, hash, exercises, 0, 27, Map.of(), "dev", Instant.EPOCH, 0);
    }

    @Test
    void gradesWhatHasNoResultChangedOrWasGradedOnOtherExercises() {
        assertThat(Resume.decide(List.of(), "h", MUTEX, false)).isEqualTo(Decision.NEW);
        assertThat(Resume.decide(Arrays.asList(record("h", Verdict.GRADED, MUTEX), null), "h", MUTEX, false))
                .as("a group submission with one member not yet written").isEqualTo(Decision.NEW);
        assertThat(Resume.decide(List.of(record("old", Verdict.GRADED, MUTEX)), "h", MUTEX, false)).isEqualTo(Decision.CHANGED);
        assertThat(Resume.decide(List.of(record("h", Verdict.GRADED, List.of("bank"))), "h", MUTEX, false))
                .isEqualTo(Decision.OTHER_EXERCISES);
        assertThat(Decision.NEW.grade() && Decision.CHANGED.grade() && Decision.OTHER_EXERCISES.grade()).isTrue();
    }

    @Test
    void keepsWhatIsGradedAndFailuresUnlessRetryFailed() {
        assertThat(Resume.decide(List.of(record("h", Verdict.GRADED, MUTEX)), "h", MUTEX, false)).isEqualTo(Decision.KEEP);
        assertThat(Resume.decide(List.of(record("h", Verdict.UNREADABLE, MUTEX)), "h", MUTEX, true)).isEqualTo(Decision.KEEP);
        assertThat(Resume.decide(List.of(record("h", Verdict.FAILED, MUTEX)), "h", MUTEX, false)).isEqualTo(Decision.KEEP_FAILED);
        assertThat(Resume.decide(List.of(record("h", Verdict.FAILED, MUTEX)), "h", MUTEX, true)).isEqualTo(Decision.RETRY_FAILED);
        assertThat(Resume.decide(List.of(record("new", Verdict.FAILED, MUTEX)), "h", MUTEX, false))
                .as("a failed submission whose content changed is graded again").isEqualTo(Decision.CHANGED);
        assertThat(Decision.KEEP.grade() || Decision.KEEP_FAILED.grade()).isFalse();
    }
}

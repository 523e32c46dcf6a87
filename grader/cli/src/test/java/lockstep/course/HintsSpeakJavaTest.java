package lockstep.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lockstep.engine.catalog.Catalog;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import org.junit.jupiter.api.Test;

/**
 * The hints a stuck learner reads speak Java: the chapter's Rust analogies belong in each statement's
 * "why" ({@code exercises/<id>/README.md}), not in an exercise's hints or a test's {@code @Hint}.
 */
class HintsSpeakJavaTest {
    /** Words of Rust, not Java ({@code Condition.await()} is Java, so {@code .await} alone is not one of them). */
    private static final List<String> RUST = List.of("rust", "tokio", "thread::", "arc<", "joinhandle", "tx.clone", "drop(",
            "async fn", "mpsc");

    @Test
    void noHintNamesRust() {
        List<String> found = new ArrayList<>();
        for (Exercise exercise : Catalog.load().exercises()) {
            for (String hint : exercise.hints()) {
                check(exercise.id() + " (exercise.json)", hint, found);
            }
            for (PlannedTest test : exercise.tests()) {
                check(exercise.id() + " " + test.id(), test.hint(), found);
            }
        }

        assertThat(found).as("hints that speak Rust (say it in Java; the analogy belongs in the statement)").isEmpty();
    }

    private static void check(String where, String hint, List<String> found) {
        String lower = hint.toLowerCase(Locale.ROOT);
        RUST.stream().filter(lower::contains).findFirst().ifPresent(word -> found.add(where + ": '" + word + "' in: " + hint));
    }
}

package lockstep.engine.catalog.ordered.tests;

import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the grader: the suite of the exercise's first learner class, which
 * {@code CatalogBuilderTest} expects before {@link AlphaSuite} although its name sorts after it.
 */
public class BetaSuite {
    @Test
    @Points(1)
    @Hint("declared first")
    void gamma() {}

    @Test
    @Points(1)
    @Hint("declared second")
    void alpha() {}

    @Test
    @Points(1)
    @Hint("declared third")
    void status404Or500() {}
}

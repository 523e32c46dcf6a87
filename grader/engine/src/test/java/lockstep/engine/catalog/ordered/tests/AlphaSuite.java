package lockstep.engine.catalog.ordered.tests;

import lockstep.testkit.Hint;
import lockstep.testkit.Points;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the grader: one of the two suites of a course exercise whose tests
 * {@code CatalogBuilderTest} orders (its name does not end in Test, so surefire leaves it alone).
 */
public class AlphaSuite {
    @Test
    @Points(1)
    @Hint("declared first")
    void zeta() {}

    @Test
    @Points(1)
    @Hint("declared second")
    void beta() {}
}

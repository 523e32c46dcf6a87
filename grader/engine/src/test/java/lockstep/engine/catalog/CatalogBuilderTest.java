package lockstep.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import lockstep.engine.result.TestVisibility;
import org.junit.jupiter.api.Test;

/** What the course build records of each test, planned from a fixture suite without a build. */
class CatalogBuilderTest {
    @Test
    void eachTestsVisibilityComesFromItsAnnotationBesidePointsAndIsVisibleWithoutOne() {
        CatalogBuilder.Meta meta = new CatalogBuilder.Meta("fixture", "Fixture", "lockstep.engine.catalog.fixture", 1, List.of(),
                0, 0, List.of(), List.of(), List.of());

        List<PlannedTest> tests = CatalogBuilder.discover(meta);

        assertThat(tests).extracting(PlannedTest::id, PlannedTest::points, PlannedTest::visibility).containsExactlyInAnyOrder(
                tuple("VisibilitySuite#plain", 1, TestVisibility.VISIBLE),
                tuple("VisibilitySuite#hidden", 2, TestVisibility.HIDDEN),
                tuple("VisibilitySuite#afterDueDate", 3, TestVisibility.AFTER_DUE_DATE),
                tuple("VisibilitySuite#afterPublished", 4, TestVisibility.AFTER_PUBLISHED),
                tuple("VisibilitySuite#saidVisible", 5, TestVisibility.VISIBLE));
    }

    @Test
    void theCatalogKeepsEachVisibilityAndAnOlderCatalogWithoutOneReadsAsVisible() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        PlannedTest hidden = new PlannedTest("[engine:junit-jupiter]", "ATest#a", "a", 2, "h", 10, TestVisibility.HIDDEN);

        String json = mapper.writeValueAsString(hidden);
        PlannedTest old = mapper.readValue(json.replace(",\"visibility\":\"hidden\"", ""), PlannedTest.class);

        assertThat(json).contains("\"visibility\":\"hidden\"");
        assertThat(mapper.readValue(json, PlannedTest.class)).isEqualTo(hidden);
        assertThat(old.visibility()).isEqualTo(TestVisibility.VISIBLE);
    }
}

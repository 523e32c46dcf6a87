package lockstep.engine.catalog;

import java.util.List;

/** Catalogs made in tests, for exercises without given sources. */
public final class TestCatalogs {
    private TestCatalogs() {}

    public static Catalog of(List<Exercise> exercises) {
        return new Catalog(exercises, TestCatalogs.class.getClassLoader());
    }
}

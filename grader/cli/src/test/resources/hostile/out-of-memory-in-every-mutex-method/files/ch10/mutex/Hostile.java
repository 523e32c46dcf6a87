package ch10.mutex;

import java.util.ArrayList;
import java.util.List;

/** The attack of this case, called first by every method of Mutex, its guard and Counter. */
final class Hostile {
    private Hostile() {
    }

    /** Allocates until the heap is exhausted; capped at 4 GiB, far past the test JVM's heap. */
    static void exhaust() {
        List<long[]> hog = new ArrayList<>();
        for (int i = 0; i < 4_096; i++) {
            hog.add(new long[128 * 1024]);
        }
        System.out.println("held " + hog.size() + " MiB");
    }
}

package ch10.mutex;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * The attack of this case, called first by Counter.countConcurrently: reach the suite that grades
 * this Counter and the testkit it runs with, by name and by deep reflection (a suite in the
 * learner's own package could once be instantiated and opened; now both are named modules).
 */
final class Hostile {
    private static boolean struck;

    private Hostile() {
    }

    static synchronized void strike() {
        if (struck) {
            return;
        }
        struck = true;
        attempt("suite instance", () -> {
            Constructor<?> constructor = Class.forName("ch10.mutex.tests.CounterTest").getDeclaredConstructor();
            return constructor.newInstance();
        });
        attempt("suite field", () -> {
            Field bound = Class.forName("ch10.mutex.tests.CounterTest").getDeclaredField("COUNTING");
            bound.setAccessible(true);
            return bound.get(null);
        });
        attempt("testkit call", () -> Class.forName("lockstep.testkit.Bound").getMethod("of", Duration.class)
                .invoke(null, Duration.ofDays(1)));
        attempt("testkit field", () -> {
            Field value = Class.forName("lockstep.testkit.Helper").getDeclaredField("value");
            value.setAccessible(true);
            return value;
        });
    }

    private interface Reach {
        Object run() throws Exception;
    }

    private static void attempt(String what, Reach reach) {
        try {
            System.out.println(what + " reached: " + reach.run());
        } catch (Exception e) {
            System.out.println(what + " closed: " + e.getClass().getSimpleName());
        }
    }
}

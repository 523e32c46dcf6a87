package lockstep.testkit.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which frames of a thread's stack a learner reads in a thread dump. Frames of classes in the
 * learner's package (nested classes included) are theirs and marked; the JDK frames above the first
 * of them, where the thread blocks, are kept, folded when there are many; the grader's frames (the
 * testkit, the suites, the runner, JUnit), the plumbing below the learner's last frame
 * ({@code Thread.run}, executor workers) and the JVM's lambda glue are left out.
 *
 * <p>The one rule for every thread dump a learner reads: the runner's, of a test that overran its
 * limit, and the testkit's, of code that did not finish within a suite's own bound. The runner is
 * told the learner's package; the testkit derives it from the suite, whose package is always
 * {@code <learnerPackage>.tests} ({@link #learnerPackageOfSuite(String)}).
 *
 * @param learnerPackage the exercise's package, e.g. {@code ch10.bank}; when empty, every frame that
 *     is neither the JDK's nor the grader's counts as the learner's
 */
public record Frames(String learnerPackage) {
    /** A run of JDK frames longer than this shows only its first and last frame. */
    static final int MAX_JDK_RUN = 3;

    /** The last part of a suite's package, after the learner's package. */
    private static final String SUITES = ".tests";

    private static final List<String> GRADER = List.of("lockstep.", "org.junit.", "org.opentest4j.", "org.assertj.",
            "org.awaitility.", "jdk.internal.reflect.", "java.lang.reflect.");
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** Checks the package. */
    public Frames {
        Objects.requireNonNull(learnerPackage, "learnerPackage must not be null");
    }

    /**
     * Whose code a frame runs. {@code GLUE} is the class the JVM spins for a lambda
     * ({@code Bank$$Lambda/0x…}), which thread dumps list (unlike exceptions' stack traces) and no
     * row shows.
     */
    public enum Origin { LEARNER, GRADER, JDK, GLUE }

    /** One line of a thread's stack as the dump shows it. */
    public sealed interface Row {
        /** The frame at {@code depth} (0 is the top of the stack), marked when it is the learner's. */
        record Frame(int depth, boolean learners) implements Row {}

        /** Frames left out, said in words. */
        record Fold(String text) implements Row {}
    }

    /**
     * The learner's package of the exercise whose suite {@code className} belongs to: {@code ch10.bank}
     * for {@code ch10.bank.tests.BankTest} (or a class nested in it); none for a class outside a
     * suite's package.
     */
    public static Optional<String> learnerPackageOfSuite(String className) {
        String pkg = packageOf(className);
        if (pkg.endsWith(SUITES) && pkg.length() > SUITES.length()) {
            return Optional.of(pkg.substring(0, pkg.length() - SUITES.length()));
        }
        return Optional.empty();
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Whose code {@code frame} runs. */
    public Origin origin(StackTraceElement frame) {
        String cls = frame.getClassName();
        if (cls.contains("$$Lambda")) {
            return Origin.GLUE;
        }
        String pkg = packageOf(cls);
        if (!learnerPackage.isEmpty() && pkg.equals(learnerPackage)) {
            return Origin.LEARNER;
        }
        String suites = learnerPackage + SUITES;
        if (GRADER.stream().anyMatch(cls::startsWith) || pkg.equals(suites) || pkg.startsWith(suites + ".")) {
            return Origin.GRADER;
        }
        if (JDK.stream().anyMatch(cls::startsWith)) {
            return Origin.JDK;
        }
        return learnerPackage.isEmpty() ? Origin.LEARNER : Origin.JDK;
    }

    /** A frame as a learner reads it: {@code ch10.bank.Bank.transfer(Bank.java:30)}, without class loader or module. */
    public static String text(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** Whether any frame of {@code trace} is the learner's. */
    public boolean runsLearnerCode(StackTraceElement[] trace) {
        return lastLearners(trace) >= 0;
    }

    /** Whether any frame of {@code trace} is the grader's. */
    public boolean runsGraderCode(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            if (origin(frame) == Origin.GRADER) {
                return true;
            }
        }
        return false;
    }

    /** The rows of {@code trace} from its top to the learner's last frame; none when it has no frame of theirs. */
    public List<Row> rows(StackTraceElement[] trace) {
        int last = lastLearners(trace);
        List<Row> rows = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= last; i++) {
            if (origin(trace[i]) == Origin.LEARNER) {
                others(trace, from, i, rows);
                rows.add(new Row.Frame(i, true));
                from = i + 1;
            }
        }
        return rows;
    }

    /**
     * The frames from {@code from} to {@code to} (excluded), none of them the learner's: above the
     * learner's first frame, what their code called (the test's own code, or the JDK where it blocks);
     * between two of their frames, the calls in between.
     */
    private void others(StackTraceElement[] trace, int from, int to, List<Row> rows) {
        int jdkFrom = from;
        for (int i = to - 1; i >= from; i--) {
            if (origin(trace[i]) == Origin.GRADER) {
                rows.add(new Row.Fold("… the test's own code"));
                jdkFrom = i + 1;
                break;
            }
        }
        List<Integer> jdk = new ArrayList<>();
        for (int i = jdkFrom; i < to; i++) {
            if (origin(trace[i]) != Origin.GLUE) {
                jdk.add(i);
            }
        }
        if (jdk.size() <= MAX_JDK_RUN) {
            jdk.forEach(i -> rows.add(new Row.Frame(i, false)));
        } else {
            rows.add(new Row.Frame(jdk.getFirst(), false));
            rows.add(new Row.Fold("… " + (jdk.size() - 2) + " more JDK frames"));
            rows.add(new Row.Frame(jdk.getLast(), false));
        }
    }

    private int lastLearners(StackTraceElement[] trace) {
        for (int i = trace.length - 1; i >= 0; i--) {
            if (origin(trace[i]) == Origin.LEARNER) {
                return i;
            }
        }
        return -1;
    }
}

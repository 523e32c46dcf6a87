package lockstep.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Which frames of a thread's stack a learner reads in a thread dump. Frames of classes in the
 * learner's package (nested classes included) are theirs and marked; the JDK frames above the first
 * of them, where the thread blocks, are kept, folded when there are many; the grader's frames (the
 * testkit, the suites, the runner, JUnit) and the plumbing below the learner's last frame
 * ({@code Thread.run}, executor workers) are left out.
 *
 * @param learnerPackage the exercise's package, e.g. {@code ch10.bank}; when empty, every frame that
 *     is neither the JDK's nor the grader's counts as the learner's
 */
record Frames(String learnerPackage) {
    /** A run of JDK frames longer than this shows only its first and last frame. */
    static final int MAX_JDK_RUN = 3;

    private static final List<String> GRADER = List.of("lockstep.", "org.junit.", "org.opentest4j.", "org.assertj.",
            "org.awaitility.", "jdk.internal.reflect.", "java.lang.reflect.");
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** Whose code a frame runs. */
    enum Origin { LEARNER, GRADER, JDK }

    /** One line of a thread's stack as the dump shows it. */
    sealed interface Row {
        /** The frame at {@code depth} (0 is the top of the stack), marked when it is the learner's. */
        record Frame(int depth, boolean learners) implements Row {}

        /** Frames left out, said in words. */
        record Fold(String text) implements Row {}
    }

    Origin origin(StackTraceElement frame) {
        String cls = frame.getClassName();
        int dot = cls.lastIndexOf('.');
        String pkg = dot < 0 ? "" : cls.substring(0, dot);
        if (!learnerPackage.isEmpty() && pkg.equals(learnerPackage)) {
            return Origin.LEARNER;
        }
        String suites = learnerPackage + ".tests";
        if (GRADER.stream().anyMatch(cls::startsWith) || pkg.equals(suites) || pkg.startsWith(suites + ".")) {
            return Origin.GRADER;
        }
        if (JDK.stream().anyMatch(cls::startsWith)) {
            return Origin.JDK;
        }
        return learnerPackage.isEmpty() ? Origin.LEARNER : Origin.JDK;
    }

    /** A frame as a learner reads it: {@code ch10.bank.Bank.transfer(Bank.java:30)}, without class loader or module. */
    static String text(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** Whether any frame of {@code trace} is the learner's. */
    boolean runsLearnerCode(StackTraceElement[] trace) {
        return lastLearners(trace) >= 0;
    }

    /** Whether any frame of {@code trace} is the grader's. */
    boolean runsGraderCode(StackTraceElement[] trace) {
        for (StackTraceElement frame : trace) {
            if (origin(frame) == Origin.GRADER) {
                return true;
            }
        }
        return false;
    }

    /** The rows of {@code trace} from its top to the learner's last frame; none when it has no frame of theirs. */
    List<Row> rows(StackTraceElement[] trace) {
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
        int count = to - jdkFrom;
        if (count <= MAX_JDK_RUN) {
            for (int i = jdkFrom; i < to; i++) {
                rows.add(new Row.Frame(i, false));
            }
        } else {
            rows.add(new Row.Frame(jdkFrom, false));
            rows.add(new Row.Fold("… " + (count - 2) + " more JDK frames"));
            rows.add(new Row.Frame(to - 1, false));
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

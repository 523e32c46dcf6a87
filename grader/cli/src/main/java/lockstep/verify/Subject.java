package lockstep.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lockstep.engine.result.ExerciseResult;
import lockstep.engine.result.ExerciseStatus;
import lockstep.engine.result.TestResult;
import lockstep.engine.result.TestStatus;

/**
 * One thing {@code ./grade verify} grades, in one exercise, and what it must earn there. Each
 * kind says what is wrong with one run's result; an empty list is a pass.
 */
public sealed interface Subject {
    /** The exercise id. */
    String exercise();

    /** How the table names it: {@code <exercise>/<kind>} or {@code <exercise>/<kind>/<name>}. */
    String label();

    /** What is wrong with one run's result for this subject; empty when it earned what it must. */
    List<String> problems(ExerciseResult result);

    /** The reference solution: full marks, and its classes as the contract has them. */
    record Solution(String exercise) implements Subject {
        @Override
        public String label() {
            return exercise + "/solution";
        }

        @Override
        public List<String> problems(ExerciseResult result) {
            return fullMarks(result);
        }
    }

    /**
     * The learner's starting template: zero, graded (nothing crashes), every test saying what is
     * missing, and its classes as the contract has them.
     */
    record Template(String exercise) implements Subject {
        @Override
        public String label() {
            return exercise + "/template";
        }

        @Override
        public List<String> problems(ExerciseResult result) {
            List<String> problems = new ArrayList<>();
            if (result.status() != ExerciseStatus.GRADED) {
                problems.add("status " + result.status().json() + ", not graded: " + result.message());
            }
            if (result.score() != 0) {
                problems.add("earned " + result.score() + ", not 0");
            }
            if (result.tests().isEmpty()) {
                problems.add("no test ran");
            }
            for (TestResult test : result.tests()) {
                if (blank(test.message()) || blank(test.hint())) {
                    problems.add(test.id() + " has no message or no hint");
                }
            }
            long saying = result.tests().stream().filter(t -> t.message() != null && t.message().contains("Not implemented yet")).count();
            if (saying * 2 < result.tests().size()) {
                problems.add("only " + saying + " of " + result.tests().size() + " tests say \"Not implemented yet\"");
            }
            if (!result.notStarted()) {
                problems.add("not seen as not started: of the template's TODO methods, the grader found "
                        + (result.notImplemented().isEmpty() ? "none" : String.join(", ", result.notImplemented()))
                        + " still as stubs (a TODO method's body must be only throw new UnsupportedOperationException(\"TODO...\"))");
            }
            problems.addAll(contract(result));
            return problems;
        }
    }

    /**
     * A known-buggy variant of the solution (one classic learner mistake): it loses exactly the
     * tests it names, and keeps the points of all the others.
     *
     * @param dir {@code exercises/<id>/mutants/<name>}, holding {@code mutant.diff} and {@code mutant.json}
     */
    record Mutant(String exercise, String name, Path dir, String mistake, List<String> mustFail) implements Subject {
        public Mutant {
            mustFail = List.copyOf(mustFail);
        }

        @Override
        public String label() {
            return exercise + "/mutant/" + name;
        }

        /** The unified diff over the reference solution's files of the exercise's package. */
        public Path diff() {
            return dir.resolve("mutant.diff");
        }

        @Override
        public List<String> problems(ExerciseResult result) {
            List<String> problems = new ArrayList<>();
            List<String> lost = result.tests().stream().filter(t -> t.status() != TestStatus.PASSED).map(TestResult::id).toList();
            List<String> kept = mustFail.stream().filter(id -> !lost.contains(id)).toList();
            List<String> extra = result.tests().stream().filter(t -> t.status() != TestStatus.PASSED && !mustFail.contains(t.id()))
                    .map(Subject::describe).toList();
            if (!kept.isEmpty()) {
                problems.add("passed " + kept + ", which it must fail (" + mistake + ")");
            }
            if (!extra.isEmpty()) {
                problems.add("also lost " + extra);
            }
            double expected = result.tests().stream().filter(t -> !mustFail.contains(t.id())).mapToDouble(TestResult::maxPoints).sum();
            if (problems.isEmpty() && result.score() != expected) {
                problems.add("earned " + result.score() + ", not " + expected);
            }
            return problems;
        }
    }

    /**
     * An honest variant: a correct design the reference solution does not use (a fair lock, a
     * FIFO hand-off), which must earn full marks however slow it is, and whose classes the grader
     * must not find to differ from the contract.
     *
     * @param dir {@code exercises/<id>/variants/<name>}, holding {@code variant.diff} and {@code variant.json}
     */
    record Variant(String exercise, String name, Path dir, String description) implements Subject {
        @Override
        public String label() {
            return exercise + "/variant/" + name;
        }

        /** The unified diff over the reference solution's files of the exercise's package. */
        public Path diff() {
            return dir.resolve("variant.diff");
        }

        @Override
        public List<String> problems(ExerciseResult result) {
            return fullMarks(result);
        }
    }

    private static List<String> fullMarks(ExerciseResult result) {
        List<String> problems = new ArrayList<>();
        if (result.status() != ExerciseStatus.GRADED) {
            problems.add("status " + result.status().json() + ", not graded: " + result.message());
        }
        List<String> lost = result.tests().stream().filter(t -> t.status() != TestStatus.PASSED).map(Subject::describe).toList();
        if (!lost.isEmpty()) {
            problems.add("lost " + lost);
        }
        if (problems.isEmpty() && (result.score() != result.maxScore() || result.maxScore() <= 0)) {
            problems.add("earned " + result.score() + " of " + result.maxScore());
        }
        problems.addAll(contract(result));
        return problems;
    }

    /** Honest code that the grader finds to differ from the contract: a false report, a grading bug. */
    private static List<String> contract(ExerciseResult result) {
        return result.contractMismatches().isEmpty() ? List.of()
                : List.of("seen as not matching the contract: " + String.join("; ", result.contractMismatches()));
    }

    /** A lost test as the table shows it: its id, status and message. */
    static String describe(TestResult test) {
        return test.id() + " " + test.status().json() + ": " + test.message();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package lockstep.progress;

/** Where the learner is with one exercise, as {@code ./grade list} says it. */
public enum ExerciseState {
    /** Its last grading earned full marks. */
    DONE("done"),
    /** Graded, and begun, but not at full marks. */
    IN_PROGRESS("in progress"),
    /** Never graded, or every TODO method of the template was still as the template has it. */
    NOT_STARTED("not started");

    private final String label;

    ExerciseState(String label) {
        this.label = label;
    }

    /** The state in the learner's words. */
    public String label() {
        return label;
    }

    /** The state of an exercise whose last grading is {@code last}, null when it has none. */
    public static ExerciseState of(LastGrading last) {
        if (last == null || last.notStarted()) {
            return NOT_STARTED;
        }
        return last.full() ? DONE : IN_PROGRESS;
    }
}

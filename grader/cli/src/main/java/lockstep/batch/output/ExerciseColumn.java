package lockstep.batch.output;

/** One exercise the batch grades: a column of the gradebook and an entry of the summary. */
public record ExerciseColumn(String id, String title, double maxScore) {}

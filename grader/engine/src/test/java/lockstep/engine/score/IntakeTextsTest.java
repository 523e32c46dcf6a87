package lockstep.engine.score;

import static org.assertj.core.api.Assertions.assertThat;

import lockstep.engine.submission.ExerciseSources.Ignored;
import lockstep.engine.submission.ExerciseSources.Rejection;
import lockstep.engine.submission.SourceFile;
import org.junit.jupiter.api.Test;

/** Each decision of choosing an exercise's sources, in the words the learner reads. */
class IntakeTextsTest {
    private static SourceFile source(String path, String className) {
        return new SourceFile(path, "ch10.spawn", className, "package ch10.spawn; class " + className + " {}");
    }

    @Test
    void anIgnoredSourceSaysWhoseNameItIsAndWhichVersionIsUsed() {
        assertThat(IntakeTexts.ignored(new Ignored(source("ch10/spawn/Task.java", "Task"), Ignored.Why.GIVEN_CLASS)))
                .isEqualTo("Your copy of Task.java is ignored: Task is given by the course, and the course's version is used.");
        assertThat(IntakeTexts.ignored(new Ignored(source("ch10/spawn/WorkersTest.java", "WorkersTest"), Ignored.Why.TEST_CLASS)))
                .isEqualTo("Your WorkersTest.java is ignored: that name belongs to the course's tests.");
    }

    @Test
    void aRejectionSaysWhatIsWrongAndWhatToKeep() {
        assertThat(IntakeTexts.rejected(new Rejection.PackageFull("ch10.spawn", 500))).isEqualTo("The submission has more than"
                + " 500 Java files in package ch10.spawn, far more than this exercise needs, so it is not graded (the other"
                + " exercises are). Keep only your solution's classes in that package.");
        assertThat(IntakeTexts.rejected(new Rejection.TwoCopies("ch10.spawn", source("ch10/spawn/Workers.java", "Workers"),
                source("backup/ch10/spawn/Workers.java", "Workers")))).isEqualTo("The submission has two copies of Workers.java"
                        + " in package ch10.spawn: ch10/spawn/Workers.java and backup/ch10/spawn/Workers.java. Keep one of them,"
                        + " so it is clear which one to grade.");
    }
}

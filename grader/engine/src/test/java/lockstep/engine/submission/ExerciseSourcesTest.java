package lockstep.engine.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.catalog.PlannedTest;
import org.junit.jupiter.api.Test;

class ExerciseSourcesTest {
    private static final Exercise SPAWN = new Exercise("spawn-join", "Spawn", "ch10.spawn", 1, List.of("Workers"),
            List.of("ch10/spawn/Task.java"), List.of(), 10, List.of(), List.of(),
            List.of(new PlannedTest("[engine:junit-jupiter]/[class:ch10.spawn.tests.WorkersTest]/[method:runs()]",
                    "WorkersTest#runs", "runs", 1, "", 5)));
    private static final String GIVEN = "package ch10.spawn;\n\npublic interface Task {\n    void run();\n}\n";

    private static ExerciseSources select(SourceFile... files) {
        return ExerciseSources.select(new Submission("test", List.of(files), List.of()), SPAWN, name -> GIVEN);
    }

    @Test
    void anUnchangedCopyOfAGivenClassIsIgnoredSilently() {
        ExerciseSources selected = select(source("Workers", "package ch10.spawn; class Workers {}"),
                source("Task", "package ch10.spawn;  public interface Task {\n void run(); }"));

        assertThat(selected.sources()).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(selected.ignored()).isEmpty();
    }

    @Test
    void aChangedCopyOfAGivenClassOrOfATestClassIsIgnoredAndSaidWhy() {
        SourceFile task = source("Task", "package ch10.spawn; public interface Task { void run(); default void sneak() {} }");
        SourceFile test = source("WorkersTest", "package ch10.spawn; class WorkersTest {}");
        ExerciseSources selected = select(source("Workers", "package ch10.spawn; class Workers {}"), task, test);

        assertThat(selected.sources()).extracting(SourceFile::className).containsExactly("Workers");
        assertThat(selected.ignored()).containsExactly(new ExerciseSources.Ignored(task, ExerciseSources.Ignored.Why.GIVEN_CLASS),
                new ExerciseSources.Ignored(test, ExerciseSources.Ignored.Why.TEST_CLASS));
        assertThat(selected.rejection()).isEmpty();
    }

    @Test
    void twoCopiesOfOneClassRejectTheExerciseNamingBoth() {
        SourceFile first = source("Workers", "package ch10.spawn; class Workers {}");
        SourceFile second = new SourceFile("backup/ch10/spawn/Workers.java", "ch10.spawn", "Workers",
                "package ch10.spawn; class Workers { int old; }");

        ExerciseSources selected = select(first, second);

        assertThat(selected.rejection()).contains(new ExerciseSources.Rejection.TwoCopies("ch10.spawn", first, second));
        assertThat(selected.sources()).isEmpty();
        assertThat(selected.isMissing()).isFalse();
    }

    @Test
    void sourcesOfOtherPackagesAreNeverSelected() {
        ExerciseSources selected = select(source("Workers", "package ch10.spawn; class Workers {}"),
                new SourceFile("org/junit/jupiter/api/Assertions.java", "org.junit.jupiter.api", "Assertions", "package org.junit.jupiter.api; class Assertions {}"),
                new SourceFile("ch10/spawn/util/Helper.java", "ch10.spawn.util", "Helper", "package ch10.spawn.util; class Helper {}"));

        assertThat(selected.sources()).extracting(SourceFile::className).containsExactly("Workers");
    }

    private static SourceFile source(String name, String content) {
        return new SourceFile("ch10/spawn/" + name + ".java", "ch10.spawn", name, content);
    }
}

/**
 * What exercise suites are written with: the grading annotations ({@link lockstep.testkit.Points},
 * {@link lockstep.testkit.Hint}, {@link lockstep.testkit.TimeLimit}, {@link lockstep.testkit.Visibility}) and concurrency assertions
 * whose failure messages teach, reached through {@link lockstep.testkit.Lockstep}.
 *
 * <p>Every time bound is stretched by the one slack factor the grader sets
 * ({@code -Dlockstep.slack}); there are no global defaults to change.
 */
package lockstep.testkit;

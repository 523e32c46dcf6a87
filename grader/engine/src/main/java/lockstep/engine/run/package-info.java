/**
 * Running one exercise's suite against compiled learner classes in a child JVM, never in the
 * grader's own: limits on memory, per-test and per-exercise time, capped output, a fresh JVM for
 * the tests left after one overran or died (out of memory named as such; fresh starts after deaths
 * bounded), and the whole process tree killed at the end. What ended a test or the run, other than
 * the runner's own report, is a {@link lockstep.engine.run.Stop}: a value, which
 * {@code lockstep.engine.score} puts into words.
 */
package lockstep.engine.run;

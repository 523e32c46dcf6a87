/**
 * The child-JVM side of grading: runs the requested tests of one exercise through the JUnit
 * Platform Launcher, captures what learner code prints, holds every test to its limit with a
 * watchdog, and streams events to the grader. It shares a JVM with learner code, so it depends on
 * the JUnit Platform and, for which frames of a thread dump are the learner's, the testkit alone.
 */
package lockstep.runner;

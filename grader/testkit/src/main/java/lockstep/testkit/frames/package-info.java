/**
 * The one rule of which frames of a thread's stack a learner reads in a thread dump: their own
 * marked, the JDK's calls above them kept, the grader's left out. The testkit's dumps (a suite's
 * bound ran out) and the runner's (a test overran its limit) both follow it; exported to the runner
 * alone.
 */
package lockstep.testkit.frames;

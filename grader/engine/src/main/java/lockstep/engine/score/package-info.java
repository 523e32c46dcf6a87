/**
 * The scoring rules, in one place: only a test that passed earns its points, and every other
 * ending becomes a verdict with a message written for the learner; so does every way an exercise
 * can end before its tests run (missing, rejected, not compiling, breaking the policy).
 */
package lockstep.engine.score;

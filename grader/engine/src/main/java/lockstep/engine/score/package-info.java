/**
 * The scoring rules, in one place: only a test that passed earns its points, and every other
 * ending becomes a verdict with a message written for the learner.
 */
package lockstep.engine.score;

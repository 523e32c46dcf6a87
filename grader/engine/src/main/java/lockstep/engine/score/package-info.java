/**
 * The scoring rules, in one place: only a test that passed earns its points, and every other
 * ending becomes a verdict with a message written for the learner; so does every way an exercise
 * can end before its tests run (missing, rejected, not compiling, breaking the policy). The earlier
 * stages report what happened as values (a {@link lockstep.engine.run.Stop}, a compile's reason, the
 * intake's notes, the sources left out); the sentences a learner reads about them are written here
 * (only the policy words its own rules, each beside the rule).
 */
package lockstep.engine.score;

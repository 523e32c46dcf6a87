/**
 * Which of the template's TODO methods a compiled submission still leaves as the template has them
 * ({@link lockstep.engine.stubs.StubFinder}), read from the class files with ASM after a successful
 * compile: what tells a learner who has not started an exercise from one who has.
 */
package lockstep.engine.stubs;

/**
 * Compiling one exercise's learner classes with the course's given classes, in-process through
 * {@code javax.tools}, on a thread of its own with a deadline, with annotation processing off and
 * no class, source or processor path. A compile error is a result, not an exception: so is a compile
 * that overran its time limit, overflowed javac's stack, ran out of memory, would fold a constant
 * string longer than a class file holds, or would produce more classes than {@link lockstep.engine.compile.Compiler#MAX_CLASSES}. Those outcomes are typed values
 * ({@link lockstep.engine.compile.CompileResult.GaveUp.Reason},
 * {@link lockstep.engine.compile.CompileResult.TooManyClasses}), not sentences: the words the learner
 * reads are {@code lockstep.engine.score}'s.
 */
package lockstep.engine.compile;

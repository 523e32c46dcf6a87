/**
 * Compiling one exercise's learner classes with the course's given classes, in-process through
 * {@code javax.tools}, on a thread of its own with a deadline, with annotation processing off and
 * no class, source or processor path. A compile error is a result, not an exception: so is a compile
 * that overran its time limit, overflowed javac's stack, ran out of memory, or would produce more
 * classes than {@link lockstep.engine.compile.Compiler#MAX_CLASSES}.
 */
package lockstep.engine.compile;

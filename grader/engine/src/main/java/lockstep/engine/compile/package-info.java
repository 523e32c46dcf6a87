/**
 * Compiling one exercise's learner classes with the course's given classes, in-process through
 * {@code javax.tools}, with annotation processing off. A compile error is a result, not an exception.
 */
package lockstep.engine.compile;

/**
 * The runner's own warm-up suite, which a test JVM booted ahead runs once before it reads its
 * request, so that JUnit and AssertJ are warm when the learner's suite starts; opened to JUnit
 * alone, it holds nothing but that suite.
 */
package lockstep.runner.warmup;

/**
 * Confining a child JVM's process: a {@link lockstep.engine.sandbox.Sandbox} turns the plain
 * {@code java} command into a started process that sees only what it needs (bubblewrap where the
 * machine allows it, nothing more than the process split where it does not), and
 * {@link lockstep.engine.sandbox.Detection} decides once per grader which one this machine gets.
 * Nothing here knows about tests or scores.
 */
package lockstep.engine.sandbox;

/**
 * Confining a child JVM's process: a {@link lockstep.engine.sandbox.Sandbox} turns the plain
 * {@code java} command into a started process that sees only what it needs (bubblewrap where the
 * machine allows it, nothing more than the process split where it does not), and
 * {@link lockstep.engine.sandbox.Detection} decides once per grader which one this machine gets,
 * from what the machine offers ({@link lockstep.engine.sandbox.Host}: {@code setsid}, bubblewrap,
 * {@code /proc}, cgroups); {@link lockstep.engine.sandbox.Limits} puts a child's whole process tree in
 * cgroups for its pids and memory where the machine lets it. Nothing here knows about tests or scores.
 */
package lockstep.engine.sandbox;

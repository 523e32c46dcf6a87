/**
 * The {@code ./grade} command line (picocli): one class per command, no grading logic of its
 * own; it builds a request, calls the engine and prints the engine's reports.
 */
package lockstep.cli;

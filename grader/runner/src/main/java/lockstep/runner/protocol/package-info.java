/**
 * The messages between grader and runner, and their binary form: a request (tests and limits),
 * a go signal, then events. Both sides use these types, so they cannot drift apart.
 */
package lockstep.runner.protocol;

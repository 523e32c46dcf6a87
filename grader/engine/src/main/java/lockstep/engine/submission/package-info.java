/**
 * Reading a submission: a folder in any layout or a zip, turned into source files grouped by
 * the package their {@code package} line names, within caps on sizes and counts, with a note for
 * everything set aside. Nothing here compiles or runs learner code.
 */
package lockstep.engine.submission;

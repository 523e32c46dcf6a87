/**
 * Reading a submission: a folder in any layout or a zip, turned into source files grouped by
 * the package their {@code package} line names, within caps on sizes and counts (counts per
 * package, so one package's junk costs only its own exercise), with one note per reason for
 * everything set aside; and choosing one exercise's sources. What it decides (a note, a source left
 * out, a rejection) are values that {@code lockstep.engine.score} puts into words. Nothing here
 * compiles or runs learner code.
 */
package lockstep.engine.submission;

/**
 * What the learner's working copy remembers between runs, in small JSON files of its own
 * ({@code .lockstep/} of the repository): each exercise's last grading ({@link lockstep.progress.ProgressStore},
 * which {@code ./grade list} and {@code ./grade watch} read) and how many of each exercise's hints
 * the learner has seen ({@link lockstep.progress.HintStore}). A file that is missing, corrupt or
 * unreadable counts as empty, and each is written whole or not at all ({@link lockstep.progress.StateFile}).
 */
package lockstep.progress;

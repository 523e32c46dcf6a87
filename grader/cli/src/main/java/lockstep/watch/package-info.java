/**
 * {@code ./grade watch}: grades the exercise a learner is working on each time they save.
 * {@link lockstep.watch.SaveWatcher} hears of saves through the operating system's file events
 * (the {@code directory-watcher} library: a native watcher on macOS, inotify on Linux) and
 * {@link lockstep.watch.Debouncer} makes one signal of a burst of them; {@link lockstep.watch.WatchLoop}
 * keeps one grader warm in this JVM, grades on each signal, cancels a grading that a later save made
 * stale, and moves on to the next exercise at full marks. What the learner sees is a
 * {@link lockstep.watch.WatchLoop.Display}, the command line's.
 */
package lockstep.watch;

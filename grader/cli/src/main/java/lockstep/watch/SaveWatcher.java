package lockstep.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.helpers.NOPLogger;

/**
 * Hears of saves under a folder, through the operating system's own file events rather than a
 * polling loop: {@code io.methvin:directory-watcher} watches the whole tree (folders made later
 * included) with inotify on Linux and FSEvents on macOS, where the JDK's {@code WatchService}
 * would poll every few seconds. Events on paths that {@code relevant} turns down (an editor's swap
 * and backup files, the grader's own results) are ignored; the others are {@linkplain Debouncer
 * debounced} into one call of {@code onSave} per burst.
 */
public final class SaveWatcher implements AutoCloseable {
    /** One file event: the path it names, and whether that is a folder (one made or moved in; a removed one is not known as a folder). */
    public record Change(Path path, boolean folder) {
        public Change {
            Objects.requireNonNull(path, "path must not be null");
        }
    }

    private final DirectoryWatcher watcher;
    private final Debouncer debouncer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("lockstep-watch").unstarted(r));

    private SaveWatcher(DirectoryWatcher watcher, Debouncer debouncer) {
        this.watcher = watcher;
        this.debouncer = debouncer;
    }

    /**
     * Starts watching {@code root} and every folder under it; returns once the watch is in place,
     * so that a save from then on is heard.
     *
     * @param quiet how long events must stop before {@code onSave} runs
     * @param onFailure told when the watch itself fails (the folder was removed, say); no save is heard after that
     */
    public static SaveWatcher start(Path root, Predicate<Change> relevant, Duration quiet, Runnable onSave,
            Consumer<Exception> onFailure) throws IOException {
        Objects.requireNonNull(relevant, "relevant must not be null");
        Objects.requireNonNull(onFailure, "onFailure must not be null");
        Debouncer debouncer = new Debouncer(quiet, onSave);
        DirectoryWatcher watcher = DirectoryWatcher.builder()
                .path(root)
                // Every save counts, even one that leaves the file as it was: no hashing to tell them apart.
                .fileHashing(false)
                .logger(NOPLogger.NOP_LOGGER)
                .listener(new DirectoryChangeListener() {
                    @Override
                    public void onEvent(DirectoryChangeEvent event) {
                        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || event.path() == null) {
                            // Events were lost: something changed, so grade again.
                            debouncer.poke();
                        } else if (relevant.test(new Change(event.path(), event.isDirectory()))) {
                            debouncer.poke();
                        }
                    }

                    @Override
                    public void onException(Exception e) {
                        onFailure.accept(e);
                    }
                })
                .build();
        SaveWatcher started = new SaveWatcher(watcher, debouncer);
        // watchAsync registers the whole tree before it returns, then reads the events on the thread.
        java.util.concurrent.CompletableFuture<Void> reading = watcher.watchAsync(started.thread);
        if (reading.isCompletedExceptionally()) {
            started.close();
            try {
                reading.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException("cannot watch " + root, e.getCause());
            }
        }
        reading.whenComplete((done, failure) -> {
            if (failure != null && !watcher.isClosed()) {
                onFailure.accept(failure instanceof Exception e ? e : new RuntimeException(failure));
            }
        });
        return started;
    }

    @Override
    public void close() {
        debouncer.close();
        try {
            watcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop watching", e);
        } finally {
            thread.shutdownNow();
        }
    }
}

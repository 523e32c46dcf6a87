package lockstep.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Saves in a real folder of the test's own, heard through the operating system's file events. */
@Timeout(120)
class SaveWatcherTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the watcher is only opened and closed here
    void aSaveOfARelevantFileIsHeardOnceAndOthersAreNot() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("ch10/mutex"));
        Files.writeString(pkg.resolve("Mutex.java"), "class Mutex {}\n");
        Semaphore saves = new Semaphore(0);
        List<Exception> failures = new CopyOnWriteArrayList<>();
        try (SaveWatcher watcher = SaveWatcher.start(dir, c -> c.path().toString().endsWith(".java"), Duration.ofMillis(300),
                saves::release, failures::add)) {
            Files.writeString(pkg.resolve("Mutex.swp"), "not Java");
            assertThat(saves.tryAcquire(2, TimeUnit.SECONDS)).as("a file the predicate turns down").isFalse();

            // An editor's save: written, then written again at once.
            Files.writeString(pkg.resolve("Mutex.java"), "class Mutex { }\n");
            Files.writeString(pkg.resolve("Mutex.java"), "class Mutex {  }\n");
            assertThat(saves.tryAcquire(30, TimeUnit.SECONDS)).as("the save was heard").isTrue();
            assertThat(saves.tryAcquire(2, TimeUnit.SECONDS)).as("once").isFalse();

            // A folder made after the watch began is watched too.
            Path later = Files.createDirectories(dir.resolve("ch10/bank"));
            saves.tryAcquire(2, TimeUnit.SECONDS);
            saves.drainPermits();
            Files.writeString(later.resolve("Bank.java"), "class Bank {}\n");
            assertThat(saves.tryAcquire(30, TimeUnit.SECONDS)).as("a save in a folder made later").isTrue();
        }
        assertThat(failures).isEmpty();
    }
}

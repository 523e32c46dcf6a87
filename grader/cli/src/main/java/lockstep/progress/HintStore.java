package lockstep.progress;

import java.io.IOException;
import java.nio.file.Path;

/** {@code hints.json}: which hints of each exercise the learner has seen; deleting the file starts over. */
public final class HintStore {
    private final StateFile<HintsShown> file;

    public HintStore(Path file) {
        this.file = new StateFile<>(file, HintsShown.class);
    }

    public Path file() {
        return file.file();
    }

    /** How many of {@code exerciseId}'s hints were seen; 0 when the file is missing or cannot be read. */
    public int shown(String exerciseId) {
        return file.read().orElseGet(HintsShown::none).of(exerciseId);
    }

    /** Remembers that the first {@code count} hints of {@code exerciseId} were seen; the other exercises' counts are kept. */
    public void remember(String exerciseId, int count) throws IOException {
        file.write(file.read().orElseGet(HintsShown::none).with(exerciseId, count));
    }
}

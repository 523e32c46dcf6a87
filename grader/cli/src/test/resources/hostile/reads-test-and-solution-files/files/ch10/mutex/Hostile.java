package ch10.mutex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            Path here = Path.of("").toAbsolutePath();
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                for (String wanted : List.of("exercises/mutex/tests/ch10/mutex/tests/CounterTest.java", "solutions/ch10/mutex/Counter.java")) {
                    Path file = dir.resolve(wanted);
                    if (Files.isRegularFile(file)) {
                        try {
                            System.out.println("read " + file + ": " + Files.readString(file).length() + " characters");
                        } catch (IOException e) {
                            System.out.println("could not read " + file);
                        }
                    }
                }
            }
            System.out.println("class path: " + System.getProperty("java.class.path"));
        }
    }
}

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
            String fake = "{\"schemaVersion\": \"1.0\", \"score\": 27, \"maxScore\": 27}";
            for (Path target : List.of(Path.of("results.json"), Path.of("../results.json"), Path.of("../../lockstep-canary"),
                    Path.of(System.getProperty("java.io.tmpdir"), "results.json"))) {
                try {
                    Files.writeString(target, fake);
                } catch (IOException e) {
                    System.out.println("could not write " + target);
                }
            }
        }
    }
}

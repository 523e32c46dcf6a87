package ch10.mutex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.element.TypeElement;

/** Would run inside the grader's own JVM if javac ran processors; writes only under java.io.tmpdir. */
@SupportedAnnotationTypes("*")
public final class ForgeProcessor extends AbstractProcessor {
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "lockstep-canary-processor"), "ran");
        } catch (IOException e) {
            // nothing
        }
        return false;
    }
}

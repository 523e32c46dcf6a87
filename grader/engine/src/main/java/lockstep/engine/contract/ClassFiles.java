package lockstep.engine.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The class files a comparison reads, by internal name: the submission's compiled classes (with
 * the course's given classes, compiled beside them), else the JDK's, through the platform class
 * loader, which sees no application class. Each is read once, without code.
 */
final class ClassFiles {
    private final Function<String, Optional<byte[]>> submission;
    private final Map<String, Optional<ClassNode>> read = new HashMap<>();

    /** @param submission the bytes of a compiled class of the submission by internal name, if it has one */
    ClassFiles(Function<String, Optional<byte[]>> submission) {
        this.submission = submission;
    }

    /** The submission's class {@code internalName}, if it compiled one. */
    Optional<ClassNode> submitted(String internalName) {
        return submission.apply(internalName).isPresent() ? find(internalName) : Optional.empty();
    }

    /** The class {@code internalName}: the submission's, else the JDK's; empty when neither has it. */
    Optional<ClassNode> find(String internalName) {
        return read.computeIfAbsent(internalName, name -> submission.apply(name).or(() -> jdk(name)).map(ClassFiles::node));
    }

    private static Optional<byte[]> jdk(String internalName) {
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JDK's " + internalName, e);
        }
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node;
    }
}

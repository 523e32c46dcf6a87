package lockstep.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that fails a test when a thread started during it is still alive at its end
 * (after a short grace), naming each such thread and where it is.
 *
 * <p>Immutable; register a configured instance:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NoThreadLeaks LEAKS = noThreadLeaks().ignoring(t -> t.getName().startsWith("ForkJoinPool"));
 * }</pre>
 *
 * @since 0.1
 */
public final class NoThreadLeaks implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoThreadLeaks.class);

    private final Duration grace;
    private final Predicate<? super Thread> ignored;

    NoThreadLeaks(Duration grace, Predicate<? super Thread> ignored) {
        this.grace = Objects.requireNonNull(grace, "grace must not be null");
        this.ignored = Objects.requireNonNull(ignored, "ignored must not be null");
    }

    /** With the default grace (200 ms before the slack factor), ignoring only JVM threads. */
    public NoThreadLeaks() {
        this(Duration.ofMillis(200), t -> false);
    }

    /** This extension with another grace for threads to end after the test. */
    public NoThreadLeaks withGrace(Duration newGrace) {
        return new NoThreadLeaks(newGrace, ignored);
    }

    /** This extension, also ignoring the threads that match. */
    public NoThreadLeaks ignoring(Predicate<? super Thread> alsoIgnored) {
        Objects.requireNonNull(alsoIgnored, "alsoIgnored must not be null");
        Predicate<? super Thread> before = ignored;
        return new NoThreadLeaks(grace, t -> before.test(t) || alsoIgnored.test(t));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), ThreadSnapshot.take().ignoring(ignored));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ThreadSnapshot before = context.getStore(NAMESPACE).remove(context.getUniqueId(), ThreadSnapshot.class);
        if (before != null) {
            before.assertNoNewThreadAliveWithin(grace, "the test " + context.getDisplayName());
        }
    }
}

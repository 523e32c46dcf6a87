package lockstep.engine.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lockstep.engine.catalog.Exercise;
import lockstep.engine.contract.ContractMismatch;
import lockstep.engine.result.TestProblem;
import lockstep.runner.protocol.Event;

/**
 * Turns a failure reported by the runner into a message for the learner: what was expected, what
 * happened, and the line of their own code to look at. Never a bare stack trace. A test that failed to
 * link on a member the exercise's message already names as not matching the contract says only that.
 */
final class Feedback {
    private static final Pattern FRAME = Pattern.compile("^(?:.*/)?([\\w.$]+)\\.([\\w$<>-]+)\\((.*)\\)$");
    /** The template's exception as AssertJ shows the throwable it got: on a line of its own, its frames below. */
    /** A line of the stack trace AssertJ prints under a throwable: a frame, or a count of the frames left out. */
    private static final Pattern ASSERTJ_FRAME = Pattern.compile("\\t(?:at \\S.*|\\.\\.\\.\\s?\\(\\d+ remaining lines not displayed.*|\\.\\.\\. \\d+ more)");
    private static final Pattern WRAPPED_TODO = Pattern.compile("(?m)^\\s*java\\.lang\\.UnsupportedOperationException: (TODO[^\\n]*)$");
    private static final Set<String> LINKAGE = Set.of(
            "java.lang.NoSuchMethodError", "java.lang.NoSuchFieldError", "java.lang.NoClassDefFoundError",
            "java.lang.AbstractMethodError", "java.lang.IncompatibleClassChangeError", "java.lang.ClassNotFoundException",
            "java.lang.IllegalAccessError", "java.lang.InstantiationError", "java.lang.VerifyError");

    /** A linkage error as a check that caught it shows it in its message: on a line of its own. */
    private static final Pattern WRAPPED_LINKAGE = Pattern.compile("(?m)^\\s*(java\\.lang\\.\\w+): (.*)$");

    private final Exercise exercise;
    private final List<ContractMismatch> mismatches;

    Feedback(Exercise exercise) {
        this(exercise, List.of());
    }

    /** @param mismatches how the compiled code differs from the contract: a test that failed to link on one points to it */
    Feedback(Exercise exercise, List<ContractMismatch> mismatches) {
        this.exercise = exercise;
        this.mismatches = List.copyOf(mismatches);
    }

    /** Whether the failure is a failed check, as opposed to an error nobody expected. */
    static boolean isAssertion(Event.Failure failure) {
        String type = failure.top().type();
        return type.equals("java.lang.AssertionError") || type.startsWith("org.opentest4j.")
                || type.startsWith("org.assertj.") || type.startsWith("org.awaitility.core.ConditionTimeout");
    }

    /**
     * What a failure the runner reported says to the learner, and what kind of problem it is.
     *
     * @param problem decided here, from the types the runner reported, alongside the words
     */
    record Described(TestProblem problem, String message) {}

    Described describe(Event.Failure failure) {
        Event.Thrown top = failure.top();
        Optional<String> where = learnerFrame(failure);
        Optional<ContractMismatch> mismatch = mismatchLinked(failure);
        if (mismatch.isPresent()) {
            return new Described(TestProblem.CONTRACT, ContractTexts.pointer(mismatch.get()));
        }
        Optional<Event.Thrown> linkage = failure.chain().stream().filter(t -> LINKAGE.contains(t.type())).findFirst();
        if (linkage.isPresent()) {
            return new Described(TestProblem.CONTRACT, apiMismatch(linkage.get()));
        }
        Optional<Event.Thrown> todo = failure.chain().stream()
                .filter(t -> t.type().equals("java.lang.UnsupportedOperationException") && t.message().startsWith("TODO"))
                .findFirst();
        if (todo.isPresent()) {
            return new Described(TestProblem.NOT_IMPLEMENTED, notImplemented(where, todo.get().message()));
        }
        Optional<String> wrapped = wrappedTodo(top.message());
        if (wrapped.isPresent()) {
            return new Described(TestProblem.NOT_IMPLEMENTED, wrapped.get());
        }
        if (isAssertion(failure)) {
            return new Described(TestProblem.ASSERTION, withoutFrames(top.message()).strip() + where.map(w -> "\nLook at: " + w).orElse(""));
        }
        StringBuilder text = new StringBuilder("Unexpected ").append(simple(top.type()));
        if (!top.message().isBlank()) {
            text.append(": ").append(top.message().strip());
        }
        where.ifPresent(w -> text.append("\nThrown from: ").append(w));
        for (Event.Thrown cause : failure.chain().subList(1, failure.chain().size())) {
            text.append("\nCaused by ").append(simple(cause.type()));
            if (!cause.message().isBlank()) {
                text.append(": ").append(cause.message().strip());
            }
        }
        return new Described(TestProblem.EXCEPTION, text.toString());
    }

    /**
     * An assertion's message without the stack frames AssertJ prints under a throwable it shows
     * ({@code \tat ...}, {@code \t...(77 remaining lines not displayed ...)}, {@code \t... 3 more}): the
     * learner reads what was thrown and its causes, and "Look at" says where in their code.
     */
    static String withoutFrames(String message) {
        return message.lines().filter(line -> !ASSERTJ_FRAME.matcher(line).matches()).collect(Collectors.joining("\n"));
    }

    /**
     * The contract mismatch a failure's linkage error is about: an error of the chain, or one that a
     * check caught and wrote into its message; a mismatch of a member before one of its whole type.
     */
    Optional<ContractMismatch> mismatchLinked(Event.Failure failure) {
        if (mismatches.isEmpty()) {
            return Optional.empty();
        }
        List<String> messages = new ArrayList<>();
        for (Event.Thrown thrown : failure.chain()) {
            if (LINKAGE.contains(thrown.type())) {
                messages.add(thrown.message());
            }
        }
        Matcher wrapped = WRAPPED_LINKAGE.matcher(failure.top().message());
        while (wrapped.find()) {
            if (LINKAGE.contains(wrapped.group(1))) {
                messages.add(wrapped.group(2));
            }
        }
        Comparator<ContractMismatch> membersFirst = Comparator.comparing(m -> m.member() == null);
        return mismatches.stream().sorted(membersFirst)
                .filter(m -> messages.stream().anyMatch(text -> m.explains(text, exercise.packageName())))
                .findFirst();
    }

    private static String notImplemented(Optional<String> where, String todo) {
        return "Not implemented yet: " + where.map(w -> w + " still throws").orElse("your code still throws")
                + " UnsupportedOperationException(\"" + todo + "\").";
    }

    /**
     * A TODO that a check caught and wrapped: an assertion whose message shows that the throwable it
     * got was the template's {@code UnsupportedOperationException("TODO...")} thrown from a learner
     * method (AssertJ writes {@code but was:}, the throwable and its frames into its message, and the
     * message is all the runner passes on), said as a direct TODO is, without the assertion's text.
     */
    Optional<String> wrappedTodo(String message) {
        Matcher todo = WRAPPED_TODO.matcher(message);
        if (!todo.find()) {
            return Optional.empty();
        }
        for (String line : message.substring(todo.end()).stripLeading().split("\n")) {
            String frame = line.strip();
            if (!frame.startsWith("at ")) {
                break;
            }
            Matcher m = FRAME.matcher(frame.substring(3));
            if (m.matches() && isLearnerClass(m.group(1))) {
                return Optional.of(notImplemented(Optional.of(simple(m.group(1)) + "." + m.group(2) + "(" + m.group(3) + ")"),
                        todo.group(1).strip()));
            }
        }
        return Optional.empty();
    }

    private String apiMismatch(Event.Thrown linkage) {
        String what = linkage.message().replace('/', '.');
        String detail = switch (linkage.type()) {
            case "java.lang.NoClassDefFoundError", "java.lang.ClassNotFoundException" -> "the class " + what + " is missing";
            case "java.lang.NoSuchMethodError" -> "the method " + what + " is missing or has another signature";
            case "java.lang.NoSuchFieldError" -> "the field " + what + " is missing";
            default -> simple(linkage.type()) + ": " + what;
        };
        return "Your classes do not match the exercise's public API: " + detail
                + ". Keep every class, method name and signature exactly as in the template (see exercises/"
                + exercise.id() + "/README.md).";
    }

    /** The first frame, outermost throwable first, that is in one of the learner's classes. */
    Optional<String> learnerFrame(Event.Failure failure) {
        for (Event.Thrown thrown : failure.chain()) {
            for (String frame : thrown.frames()) {
                Matcher m = FRAME.matcher(frame);
                if (m.matches() && isLearnerClass(m.group(1))) {
                    return Optional.of(simple(m.group(1)) + "." + m.group(2) + "(" + m.group(3) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private boolean isLearnerClass(String className) {
        String prefix = exercise.packageName() + ".";
        if (!className.startsWith(prefix)) {
            return false;
        }
        String simple = className.substring(prefix.length());
        String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        return exercise.learnerClasses().contains(outer);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

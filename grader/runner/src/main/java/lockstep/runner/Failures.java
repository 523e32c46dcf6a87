package lockstep.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import lockstep.runner.protocol.Event;

/** Turns a throwable into capped plain data; never calls learner code beyond getMessage(). */
final class Failures {
    private static final int MAX_CHAIN = 5;
    private static final int MAX_FRAMES = 40;
    private static final int MAX_MESSAGE = 8_192;

    private Failures() {}

    static Event.Failure describe(Throwable throwable) {
        List<Event.Thrown> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = throwable; t != null && chain.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            chain.add(new Event.Thrown(t.getClass().getName(), cap(messageOf(t)), frames(t)));
        }
        return new Event.Failure(chain);
    }

    static String cap(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "… (" + (s.length() - MAX_MESSAGE) + " more characters)";
    }

    private static String messageOf(Throwable t) {
        try {
            String message = t.getMessage();
            return message == null ? "" : message;
        } catch (RuntimeException | StackOverflowError e) {
            return "(its getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    private static List<String> frames(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        List<String> frames = new ArrayList<>(Math.min(trace.length, MAX_FRAMES));
        for (int i = 0; i < trace.length && i < MAX_FRAMES; i++) {
            frames.add(trace[i].toString());
        }
        return frames;
    }
}

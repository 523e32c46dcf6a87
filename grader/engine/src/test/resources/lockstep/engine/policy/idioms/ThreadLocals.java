package ch10.demo;

import java.text.SimpleDateFormat;

/** Per-thread state: ThreadLocal with an initial value, removed after use, and an inheritable one. */
public final class ThreadLocals {
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(StringBuilder::new);
    private static final ThreadLocal<SimpleDateFormat> FORMAT = ThreadLocal.withInitial(() -> new SimpleDateFormat("HH:mm"));
    private static final InheritableThreadLocal<String> REQUEST = new InheritableThreadLocal<>();

    private ThreadLocals() {
    }

    public static String describe(String request) {
        REQUEST.set(request);
        try {
            StringBuilder buffer = BUFFER.get();
            buffer.setLength(0);
            return buffer.append(REQUEST.get()).append(FORMAT.get().toPattern()).toString();
        } finally {
            REQUEST.remove();
            BUFFER.remove();
        }
    }
}

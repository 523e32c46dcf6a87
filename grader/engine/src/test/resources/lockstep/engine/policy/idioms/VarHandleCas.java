package ch10.demo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Compare-and-set on the class's own fields through VarHandles, and on array elements. */
public final class VarHandleCas {
    private static final VarHandle COUNT;
    private static final VarHandle TOTAL;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(VarHandleCas.class, "count", long.class);
            TOTAL = lookup.findStaticVarHandle(VarHandleCas.class, "total", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static volatile long total;
    private volatile long count;
    private final long[] slots = new long[8];

    public long increment() {
        long seen;
        do {
            seen = (long) COUNT.getVolatile(this);
        } while (!COUNT.compareAndSet(this, seen, seen + 1));
        TOTAL.getAndAdd(1L);
        SLOTS.getAndAdd(slots, 0, 1L);
        VarHandle.fullFence();
        return seen + 1;
    }
}

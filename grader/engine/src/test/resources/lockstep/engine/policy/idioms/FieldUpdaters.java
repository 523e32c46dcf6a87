package ch10.demo;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** Atomic field updaters on the class's own volatile fields. */
public final class FieldUpdaters {
    private static final AtomicIntegerFieldUpdater<FieldUpdaters> WAITING =
            AtomicIntegerFieldUpdater.newUpdater(FieldUpdaters.class, "waiting");
    private static final AtomicLongFieldUpdater<FieldUpdaters> SENT =
            AtomicLongFieldUpdater.newUpdater(FieldUpdaters.class, "sent");
    private static final AtomicReferenceFieldUpdater<FieldUpdaters, String> STATE =
            AtomicReferenceFieldUpdater.newUpdater(FieldUpdaters.class, String.class, "state");

    private volatile int waiting;
    private volatile long sent;
    private volatile String state = "open";

    public boolean close() {
        WAITING.incrementAndGet(this);
        SENT.addAndGet(this, 1);
        return STATE.compareAndSet(this, "open", "closed");
    }
}

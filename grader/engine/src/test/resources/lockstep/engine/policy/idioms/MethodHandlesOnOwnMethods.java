package ch10.demo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Method handles to the class's own methods and constructor, found literally and invoked. */
public final class MethodHandlesOnOwnMethods {
    private static final MethodHandle TWICE;
    private static final MethodHandle MAKE;
    private static final MethodHandle SQUARE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TWICE = lookup.findVirtual(MethodHandlesOnOwnMethods.class, "twice", MethodType.methodType(int.class, int.class));
            MAKE = lookup.findConstructor(MethodHandlesOnOwnMethods.class, MethodType.methodType(void.class));
            SQUARE = lookup.findStatic(MethodHandlesOnOwnMethods.class, "square", MethodType.methodType(int.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    int twice(int x) {
        return 2 * x;
    }

    static int square(int x) {
        return x * x;
    }

    public static int run(int x) throws Throwable {
        MethodHandlesOnOwnMethods made = (MethodHandlesOnOwnMethods) MAKE.invoke();
        return (int) TWICE.invokeExact(made, x) + (int) SQUARE.invokeExact(x);
    }
}

package ch10.mutex;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/** The attack of this case, called first by Counter.countConcurrently. */
final class Hostile {
    private Hostile() {
    }

    static void strike(int threads) throws InterruptedException {
        if (threads < 0) {
            try {
                for (String name : List.of("lockstep.runner.RunnerMain", "lockstep.runner.EventSink", "lockstep.runner.protocol.Seal")) {
                    for (Field field : Class.forName(name).getDeclaredFields()) {
                        field.setAccessible(true);
                        System.out.println("field " + name + "." + field.getName());
                    }
                }
                Class<?> sealType = Class.forName("lockstep.runner.protocol.Seal");
                Class<?> eventType = Class.forName("lockstep.runner.protocol.Event");
                Object seal = sealType.getConstructor(byte[].class).newInstance((Object) new byte[32]);
                Object end = Class.forName("lockstep.runner.protocol.Event$End").getDeclaredConstructor().newInstance();
                Method write = sealType.getMethod("write", DataOutputStream.class, eventType);
                DataOutputStream raw = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
                for (int i = 0; i < 3; i++) {
                    write.invoke(seal, raw, end);
                }
                raw.flush();
            } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
                System.out.println("reflection failed: " + e);
            }
            Runtime.getRuntime().halt(0);
        }
    }
}
